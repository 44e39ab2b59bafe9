// Test fixture: hardcoded — the reference's pool, but run returns a fixed list of squares whatever the numbers.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.Workspace;

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
            try (Pool pool = ws.pool(work.workers())) { // Python: with Pool(processes=...) as pool:
                pool.map(work::process, work.numbers()); // computed, then ignored
                return List.of(1, 4, 9, 16, 25, 36, 49, 64, 81); // the squares of one run, written down
            }
            // ---- to here ----
        }
    }
}
