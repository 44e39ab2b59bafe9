// Seed: 使用锁处理资源竟态 (a lock against the race). Lesson: ./demo locks
// Run: java examples/ThreadLock.java      (prints End value: 2)
import java.util.concurrent.locks.ReentrantLock;

// 中文说明（原文“使用锁处理资源竟态”（“竟态”是原文笔误，应为“竞态”）。详见 ./demo locks --lang zh-CN）
// 运行：java examples/ThreadLock.java（打印 End value: 2）
// 代码里的注释：
// - java examples/ThreadLock.java fail：第一次更新中途抛出异常，好像数据库连接断了。failFirstUpdate 只在持有锁时读写。
// - lock.lock() 对应 Python 的 lock.acquire()，lock.unlock() 对应 lock.release()。
// - 注意：lock() 和 unlock() 之间任何一行抛出异常，unlock() 就被跳过，锁再也不会释放，另一个线程永远等下去（程序卡死，按 Ctrl-C 结束）。
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
