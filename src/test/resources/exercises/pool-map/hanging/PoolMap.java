// Test fixture: hanging — each pool task waits until every number's task has started, but a pool runs only as many tasks at once as it has processes.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.time.Duration;
import java.util.List;

/**
 * Exercise pool-map (the seed's 进程池): workers that append to a list the parent never sees.
 *
 * demo calls run(work) a few times, each time with other numbers: run must return the square of
 * each of work.numbers(), in order, computed with work.square by several processes at once.
 *
 * Check it: ./demo check pool-map      Stuck? ./demo hint pool-map
 */
public class PoolMap {
    public static List<Integer> run(Work work) throws Exception {
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- change from here: the squares must come back to main ----
            SharedInt started = ws.sharedInt(0); // how many tasks have started, in shared memory
            int all = work.numbers().size();
            try (Pool pool = ws.pool(work.workers())) { // Python: with Pool(processes=...) as pool:
                return pool.map(x -> squareTogether(work, started, all, x), work.numbers());
            }
            // ---- to here ----
        }
    }

    /** Runs in a pool process: waits for all the tasks to have started, so they square together. */
    static int squareTogether(Work work, SharedInt started, int all, int x) {
        started.addAndGet(1);
        try {
            started.awaitAtLeast(all, Duration.ofDays(1)); // the other tasks wait in the queue for this one to end
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return work.process(x);
    }
}
