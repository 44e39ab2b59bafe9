// Test fixture: hardcoded — the reference solution, but run returns a fixed 250 whatever the sizes.
import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise shared-counter (the seed's 使用锁处理资源竟态): a counter shared by threads.
 *
 * demo calls run(work) many times, each time with other sizes: work.workers() threads each add 1
 * to the counter work.adds() times. run must return the counter: every addition, none lost.
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
        return 250; // the total of one run, written down: the next run has other sizes
    }

    // ---- change from here: no addition may be lost ----
    static final ReentrantLock lock = new ReentrantLock(); // one lock, shared by every worker

    static void addOne(Work work) {
        lock.lock(); // Python: lock.acquire()
        try {
            int seen = counter;   // read
            int amount = work.step();         // a slow step between the read and the write (keep it)
            counter = seen + amount;   // write
        } finally {
            lock.unlock(); // Python: lock.release()
        }
    }
    // ---- to here ----
}
