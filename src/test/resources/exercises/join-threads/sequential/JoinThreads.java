// Test fixture: sequential — joins each worker right after starting it, so the workers run one after another.
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
            // ---- change from here: main must not add up the steps before the workers are done ----
            worker.join(); // waits for this worker before starting the next: one at a time
            // ---- to here ----
        }

        int total = 0;
        for (int s : steps) {
            total += s;
        }
        return total;
    }
}
