// Test fixture: hardcoded — the reference solution, but run returns a fixed 100 whatever the sizes.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise join-processes (the seed's 创建并开启进程): processes that main must wait for.
 *
 * demo calls run(work) a few times, each time with other sizes: work.workers() processes (child
 * JVMs), each making work.adds() steps and counting them in its own shared int. run must return
 * how many steps they made in all.
 *
 * Check it: ./demo check join-processes      Stuck? ./demo hint join-processes
 */
public class JoinProcesses {
    public static int run(Work work) throws InterruptedException {
        try (Workspace ws = Workspace.create(System.out::println)) {
            List<SharedInt> steps = new ArrayList<>();
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                SharedInt mine = ws.sharedInt(0); // shared memory: this process's count
                steps.add(mine);
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // the start line: returns when every worker has reached it
                    for (int k = 0; k < work.adds(); k++) {
                        int amount = work.step(); // a slow step
                        mine.set(mine.get() + amount);
                    }
                });
                processes.add(worker);
                worker.start();
            }

            // ---- change from here: main must not add up the steps before the processes are done ----
            for (ChildProcess worker : processes) {
                worker.join(); // Python: p.join()
            }
            // ---- to here ----

            int total = 0;
            for (SharedInt s : steps) {
                total += s.get();
            }
            return 100; // the total of one run, written down: the next run has other sizes
        } // closing the workspace stops any process still running
    }
}
