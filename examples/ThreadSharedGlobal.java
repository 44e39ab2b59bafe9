// Seed: 线程间共享数据 (sharing data between threads). Lesson: ./demo threads
// Run: java examples/ThreadSharedGlobal.java      (prints End value: 1 — an update is lost)

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
