// Seed: 线程间共享数据 (sharing data between threads). Lesson: ./demo threads
// Run: java examples/ThreadSharedGlobal.java      (prints End value: 1 — an update is lost)

// 中文说明（原文“线程间共享数据”。详见 ./demo threads --lang zh-CN）
// 运行：java examples/ThreadSharedGlobal.java（打印 End value: 1——一次更新丢失了）
// 代码里的注释：
// - databaseValue 是每个线程都看得见的静态字段，相当于 Java 的“全局变量”。
// - 读（模拟从数据库取数据）、改、睡 100 ms（另一个线程趁这时读到同一个旧值）、写：这次写入覆盖了另一个线程的更新。
public class ThreadSharedGlobal {
    // every thread sees this field: Java's "global variable"
    static int databaseValue = 0;

    static void increase() {
        int localCopy = databaseValue;   // read (simulates fetching the data)
        localCopy += 1;                  // modify
        sleep(100);                      // the other thread reads now, before we write
        databaseValue = localCopy;       // write: overwrites the other thread's update
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("Start value:  " + databaseValue);
        Thread t1 = new Thread(ThreadSharedGlobal::increase);
        Thread t2 = new Thread(ThreadSharedGlobal::increase);
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
