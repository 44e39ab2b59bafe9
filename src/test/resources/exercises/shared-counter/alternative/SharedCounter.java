// Test fixture: alternative — an AtomicInteger incremented after the pause, instead of a lock around read-pause-write.
import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise shared-counter (the seed's 使用锁处理资源竟态): a counter shared by threads.
 *
 * demo calls run(work) many times, each time with other sizes: work.workers() threads each add 1
 * to the counter work.adds() times. run must return the counter: every addition, none lost.
 *
 * Check it: ./demo check shared-counter      Stuck? ./demo hint shared-counter
 */
public class SharedCounter {
    static final AtomicInteger counter = new AtomicInteger(); // shared by every worker thread

    public static int run(Work work) throws InterruptedException {
        counter.set(0);
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
        return counter.get();
    }

    // ---- change from here: no addition may be lost ----
    static void addOne(Work work) {
        int amount = work.step();              // the slow step (kept), now before the addition
        counter.addAndGet(amount); // read and write in one atomic step: no other thread can split it
    }
    // ---- to here ----
}
