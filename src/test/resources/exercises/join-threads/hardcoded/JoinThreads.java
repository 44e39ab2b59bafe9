// Test fixture: hardcoded — the reference solution, but run returns a fixed 200 whatever the sizes.
import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise join-threads (the seed's 创建并开始线程): threads that main must wait for.
 *
 * demo calls run(work) many times, each time with other sizes: work.workers() threads, each
 * making work.adds() steps. run must return how many steps they made in all.
 *
 * Check it: ./demo check join-threads      Stuck? ./demo hint join-threads
 */
public class JoinThreads {
    public static int run(Work work) throws InterruptedException {
        int[] steps = new int[work.workers()]; // one slot per worker: no two threads write the same one
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            int me = i;
            Thread worker = new Thread(() -> {
                work.begin(); // the start line: returns when every worker has reached it
                for (int k = 0; k < work.adds(); k++) {
                    steps[me] += work.step(); // a slow step; it returns how much to add
                }
            });
            threads.add(worker);
            worker.start();
        }

        // ---- change from here: main must not add up the steps before the workers are done ----
        for (Thread worker : threads) {
            worker.join(); // waits for the worker to end; what it wrote is then visible to main
        }
        // ---- to here ----

        return 200; // the total of one run, written down: the next run has other sizes
    }
}
