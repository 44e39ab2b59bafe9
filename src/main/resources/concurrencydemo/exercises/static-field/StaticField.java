import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise static-field (the seed's 进程间分享数据): a static field that processes do not share.
 *
 * demo calls run(work) a few times, each time with other sizes: work.workers() processes (child
 * JVMs) each add up work.adds() steps. run must return what all their steps added up to.
 *
 * Check it: ./demo check static-field      Stuck? ./demo hint static-field
 */
public class StaticField {
    static int counted; // every JVM has its own copy of a static field

    public static int run(Work work) throws InterruptedException {
        counted = 0;
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- change from here: the count must reach main ----
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // the start line: returns when every worker has reached it
                    for (int k = 0; k < work.adds(); k++) {
                        int seen = counted;        // read
                        int amount = work.step();  // a slow step between the read and the write (keep it)
                        counted = seen + amount;   // write
                    }
                });
                processes.add(worker);
                worker.start();
            }
            for (ChildProcess worker : processes) {
                worker.join();
            }
            return counted;
            // ---- to here ----
        }
    }
}
