// Seed: 使用锁处理资源竟态 (a lock against the race). Lesson: ./demo locks
// Run: java examples/ThreadLock.java      (prints End value: 2)
import java.util.concurrent.locks.ReentrantLock;

public class ThreadLock {
    static int databaseValue = 0;

    static void increase(ReentrantLock lock) {
        lock.lock();                     // Python: lock.acquire()
        int localCopy = databaseValue;
        localCopy += 1;
        sleep(100);
        databaseValue = localCopy;
        lock.unlock();                   // Python: lock.release() — skipped if anything above throws!
    }

    public static void main(String[] args) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        System.out.println("Start value:  " + databaseValue);
        Thread t1 = new Thread(() -> increase(lock));
        Thread t2 = new Thread(() -> increase(lock));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        System.out.println("End value: " + databaseValue);
        System.out.println("end main");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
