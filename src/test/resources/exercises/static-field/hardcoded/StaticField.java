// Test fixture: hardcoded — the reference solution, but run returns a fixed 100 whatever the sizes.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

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
            List<SharedInt> counts = new ArrayList<>(); // Python: Value('i', 0), one per process
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                SharedInt counted = ws.sharedInt(0); // in shared memory: main sees what the process writes
                counts.add(counted);
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // the start line: returns when every worker has reached it
                    for (int k = 0; k < work.adds(); k++) {
                        int seen = counted.get();   // read
                        int amount = work.step();               // a slow step between the read and the write (keep it)
                        counted.set(seen + amount);      // write: no other process writes this one
                    }
                });
                processes.add(worker);
                worker.start();
            }
            for (ChildProcess worker : processes) {
                worker.join();
            }
            int total = 0;
            for (SharedInt counted : counts) {
                total += counted.get();
            }
            return 100; // the total of one run, written down: the next run has other sizes
            // ---- to here ----
        }
    }
}
