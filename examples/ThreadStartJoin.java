// Seed: 创建并开始线程 (creating and starting threads). Lesson: ./demo threads
// Run: java examples/ThreadStartJoin.java
import java.util.ArrayList;
import java.util.List;

public class ThreadStartJoin {
    static void squareNumbers() {
        for (int i = 0; i < 1000; i++) {
            int result = i * i;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        int numThreads = 10;

        // create the threads, each running squareNumbers
        for (int i = 0; i < numThreads; i++) {
            threads.add(new Thread(ThreadStartJoin::squareNumbers));
        }
        // start them all
        for (Thread t : threads) {
            t.start();
        }
        // wait for every thread: main blocks here until they are finished
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("all " + numThreads + " threads finished");
        System.out.println("end main");
    }
}
