// Test fixture: hanging — one unguarded SharedInt for all, and main waits for it to reach the total, which the race's lost updates never let it reach.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise static-field (the seed's 进程间分享数据): a static field that processes do not share.
 *
 * demo calls run(work) a few times, each time with other sizes: work.workers() processes (child
 * JVMs) each count work.adds() steps. run must return how many steps they counted in all.
 *
 * Check it: ./demo check static-field      Stuck? ./demo hint static-field
 */
public class StaticField {
    public static int run(Work work) throws InterruptedException {
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- change from here: the count must reach main ----
            SharedInt counted = ws.sharedInt(0); // Python: Value('i', 0), one for all processes (no lock)
            int total = work.workers() * work.adds();
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // the start line: returns when every worker has reached it
                    for (int k = 0; k < work.adds(); k++) {
                        int seen = counted.get();   // read
                        work.pause();               // a slow step between the read and the write (keep it)
                        counted.set(seen + 1);      // write: another process may have written meanwhile
                    }
                });
                processes.add(worker);
                worker.start();
            }
            counted.awaitAtLeast(total, Duration.ofDays(1)); // waits for every step to be counted: lost ones never are
            return counted.get();
            // ---- to here ----
        }
    }
}
