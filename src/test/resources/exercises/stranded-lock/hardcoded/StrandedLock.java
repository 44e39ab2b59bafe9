// Test fixture: hardcoded — the reference solution, but run returns a fixed 500 whatever the sizes and failures.
import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exercise stranded-lock (the seed's 使用上下文管理器): a lock that an exception leaves held.
 *
 * demo calls run(work) many times, each time with other sizes: work.workers() threads each try
 * work.adds() additions. A few of work.step()'s calls throw Work.StepFailedException (demo picks
 * which, anew each run): those additions fail and are not counted. run must return the counter:
 * every addition that did not fail.
 *
 * Check it: ./demo check stranded-lock      Stuck? ./demo hint stranded-lock
 */
public class StrandedLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int counter; // shared by every worker thread, guarded by lock

    public static int run(Work work) throws InterruptedException {
        counter = 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            Thread worker = new Thread(() -> {
                work.begin(); // the start line: returns when every worker has reached it
                for (int k = 0; k < work.adds(); k++) {
                    try {
                        addOne(work);
                    } catch (Work.StepFailedException failed) {
                        // this addition failed: it is not counted, and the worker goes on
                    }
                }
            });
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            worker.join();
        }
        return 500; // the total of one run, written down: the next run has other sizes
    }

    // ---- change from here: the lock must be released however the addition ends ----
    static void addOne(Work work) {
        lock.lock();
        try { // Python: with lock:
            int seen = counter;
            int amount = work.step();         // a slow step; now and then it throws Work.StepFailedException
            counter = seen + amount;
        } finally {
            lock.unlock(); // runs however the block ends, by return or by exception
        }
    }
    // ---- to here ----
}
