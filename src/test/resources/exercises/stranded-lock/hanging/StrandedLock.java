// Test fixture: hanging — a failed step returns from addOne through a catch that forgets to unlock, stranding the lock.
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
        return counter;
    }

    // ---- change from here: the lock must be released however the addition ends ----
    static void addOne(Work work) {
        lock.lock();
        try {
            int seen = counter;
            int amount = work.step();         // a slow step; now and then it throws Work.StepFailedException
            counter = seen + amount;
        } catch (Work.StepFailedException failed) {
            return; // the failed addition is not counted (but the lock is still held)
        }
        lock.unlock(); // only reached when the step did not fail
    }
    // ---- to here ----
}
