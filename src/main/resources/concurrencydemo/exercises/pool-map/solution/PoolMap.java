import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.Workspace;

import java.util.List;

/**
 * Exercise pool-map (the seed's 进程池): workers that append to a list the parent never sees.
 *
 * demo calls run(work) a few times, each time with other numbers: run must return work.process(x)
 * for each x of work.numbers(), in order, computed by several processes at once. (work.process
 * stands for the seed's f(x); what it computes changes from run to run.)
 *
 * Check it: ./demo check pool-map      Stuck? ./demo hint pool-map
 */
public class PoolMap {
    public static List<Integer> run(Work work) throws Exception {
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- change from here: the results must come back to main ----
            try (Pool pool = ws.pool(work.workers())) { // Python: with Pool(processes=...) as pool:
                return pool.map(work::process, work.numbers()); // results come back, in order
            }
            // ---- to here ----
        }
    }
}
