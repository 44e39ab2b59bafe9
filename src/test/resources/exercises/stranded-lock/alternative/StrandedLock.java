// Test fixture: alternative — a synchronized block, whose monitor is let go however the block ends, instead of lock()/unlock().
import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;

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
    static final Object lock = new Object(); // its monitor guards counter
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
        return counter;
    }

    // ---- change from here: the lock must be released however the addition ends ----
    static void addOne(Work work) {
        synchronized (lock) { // Python: with lock:
            int seen = counter;
            int amount = work.step();         // a slow step; now and then it throws Work.StepFailedException
            counter = seen + amount;
        } // leaving the block, by return or by exception, lets go of the monitor
    }
    // ---- to here ----
}
