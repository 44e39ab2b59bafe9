// Test fixture: sequential — no processes at all: main computes every square itself, one after another.
import concurrencydemo.exercises.Work;
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
    public static List<Integer> run(Work work) throws InterruptedException {
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- change from here: the squares must come back to main ----
            return work.numbers().stream().map(work::process).toList(); // right, but all in main's process
            // ---- to here ----
        }
    }
}
