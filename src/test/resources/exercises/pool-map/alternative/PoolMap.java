// Test fixture: alternative — one pool.applyAsync per number, then main collects the futures' results in order.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
                List<CompletableFuture<Integer>> pending = new ArrayList<>();
                for (int x : work.numbers()) {
                    pending.add(pool.applyAsync(work::process, x, null)); // Python: pool.apply_async(f, (x,))
                }
                List<Integer> results = new ArrayList<>();
                for (CompletableFuture<Integer> square : pending) {
                    results.add(square.get()); // Python: r.get(), in the numbers' order
                }
                return results;
            }
            // ---- to here ----
        }
    }
}
