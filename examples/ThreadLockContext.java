// Seed: 使用上下文管理器 (the lock as a context manager). Lesson: ./demo locks
// Run: java examples/ThreadLockContext.java      (prints End value: 2)
// Python's `with lock:` is try/finally in Java: the lock is released however the block ends.
import java.util.concurrent.locks.ReentrantLock;

// 中文说明（原文“使用上下文管理器”。详见 ./demo locks --lang zh-CN）
// 运行：java examples/ThreadLockContext.java（打印 End value: 2）
// Python 的 with lock: 在 Java 里就是 try/finally：代码块不管怎样结束，锁都会释放。
// 代码里的注释：
// - java examples/ThreadLockContext.java fail：第一次更新中途抛出异常，好像数据库连接断了；另一个线程照样完成
//   它的更新（End value: 1）。failFirstUpdate 只在持有锁时读写。
// - finally 里的 lock.unlock()：代码块抛出异常时也会执行。
public class ThreadLockContext {
    static int databaseValue = 0;
    // `java examples/ThreadLockContext.java fail`: the first update throws half-way, as if the database went away
    static boolean failFirstUpdate;      // read and written only while holding the lock

    static void increase(ReentrantLock lock) {
        lock.lock();
        try {
            int localCopy = databaseValue;
            localCopy += 1;
            sleep(100);
            if (failFirstUpdate) {
                failFirstUpdate = false;
                throw new IllegalStateException("lost the connection to the database");
            }
            databaseValue = localCopy;
        } finally {
            lock.unlock();               // runs even if the block throws
        }
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
