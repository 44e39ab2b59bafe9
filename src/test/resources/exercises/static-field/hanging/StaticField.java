// Test fixture: hanging — each process waits for a go signal in shared memory that main was meant to give after starting them all, and never does.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ProcessLock;
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
            SharedInt counted = ws.sharedInt(0); // Python: Value('i', 0), one for all processes
            SharedInt go = ws.sharedInt(0);      // main was to set it to 1 once every process had started
            ProcessLock lock = ws.lock();
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    go.awaitAtLeast(1, Duration.ofDays(1)); // waits for main's go, which never comes
                    work.begin(); // the start line: returns when every worker has reached it
                    for (int k = 0; k < work.adds(); k++) {
                        lock.acquire();
                        try {
                            int seen = counted.get();     // read
                            int amount = work.step();     // a slow step between the read and the write (keep it)
                            counted.set(seen + amount);   // write
                        } finally {
                            lock.release();
                        }
                    }
                });
                processes.add(worker);
                worker.start();
            }
            for (ChildProcess worker : processes) {
                worker.join(); // waits for processes that wait for main's go
            }
            return counted.get();
            // ---- to here ----
        }
    }
}
