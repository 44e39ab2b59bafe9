import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
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
    static List<Integer> results = new ArrayList<>(); // every JVM has its own copy

    public static List<Integer> run(Work work) throws Exception {
        results = new ArrayList<>();
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- change from here: the results must come back to main ----
            List<Integer> numbers = work.numbers();
            List<ChildProcess> processes = new ArrayList<>();
            for (int p = 0; p < work.workers(); p++) {
                int first = p;
                ChildProcess worker = ws.process("P" + (p + 1), () -> {
                    for (int i = first; i < numbers.size(); i += work.workers()) {
                        results.add(work.process(numbers.get(i)));
                    }
                });
                processes.add(worker);
                worker.start();
            }
            for (ChildProcess worker : processes) {
                worker.join();
            }
            return results;
            // ---- to here ----
        }
    }
}
