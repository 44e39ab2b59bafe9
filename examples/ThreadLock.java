// Seed: 使用锁处理资源竟态 (a lock against the race). Lesson: ./demo locks
// Run: java examples/ThreadLock.java      (prints End value: 2)
import java.util.concurrent.locks.ReentrantLock;

public class ThreadLock {
    static int databaseValue = 0;
    // `java examples/ThreadLock.java fail`: the first update throws half-way, as if the database went away
    static boolean failFirstUpdate;      // read and written only while holding the lock

    static void increase(ReentrantLock lock) {
        lock.lock();                     // Python: lock.acquire()
        int localCopy = databaseValue;
        localCopy += 1;
        sleep(100);
        if (failFirstUpdate) {
            failFirstUpdate = false;
            throw new IllegalStateException("lost the connection to the database");
        }
        databaseValue = localCopy;
        lock.unlock();                   // Python: lock.release() — skipped if anything above throws!
    }

    public static void main(String[] args) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        failFirstUpdate = args.length > 0 && args[0].equals("fail");
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
