// Test fixture: alternative — main waits on a CountDownLatch that each worker counts down when done, instead of join().
import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
        CountDownLatch done = new CountDownLatch(work.workers()); // one count per worker
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            int me = i;
            Thread worker = new Thread(() -> {
                work.begin(); // the start line: returns when every worker has reached it
                try {
                    for (int k = 0; k < work.adds(); k++) {
                        steps[me] += work.step(); // a slow step; it returns how much to add
                    }
                } finally {
                    done.countDown(); // this worker is done: its writes happen-before await() returns
                }
            });
            threads.add(worker);
            worker.start();
        }

        // ---- change from here: main must not add up the steps before the workers are done ----
        done.await(); // returns once every worker has counted down
        // ---- to here ----

        int total = 0;
        for (int s : steps) {
            total += s;
        }
        return total;
    }
}
