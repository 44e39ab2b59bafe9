import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise shared-counter (the seed's 使用锁处理资源竟态): a counter shared by threads.
 *
 * demo calls run(work) many times, each time with other sizes: work.workers() threads each make
 * work.adds() additions to the counter, each adding what work.step() returned. run must return the
 * counter: every addition, none lost.
 *
 * Check it: ./demo check shared-counter      Stuck? ./demo hint shared-counter
 */
public class SharedCounter {
    static int counter; // shared by every worker thread

    public static int run(Work work) throws InterruptedException {
        counter = 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            Thread worker = new Thread(() -> {
                work.begin(); // the start line: returns when every worker has reached it
                for (int k = 0; k < work.adds(); k++) {
                    addOne(work);
                }
            });
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            worker.join();
        }
        return counter;
    }

    // ---- change from here: no addition may be lost ----
    static void addOne(Work work) {
        int seen = counter;        // read
        int amount = work.step();  // a slow step between the read and the write (keep it)
        counter = seen + amount;   // write
    }
    // ---- to here ----
}
