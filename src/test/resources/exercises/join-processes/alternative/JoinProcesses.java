// Test fixture: alternative — main waits for a finished flag each process sets in shared memory after its last step (SharedInt.awaitAtLeast), instead of join().
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.time.Duration;
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
            List<SharedInt> finished = new ArrayList<>();
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                SharedInt mine = ws.sharedInt(0); // shared memory: this process's sum
                SharedInt done = ws.sharedInt(0); // and whether it has finished
                steps.add(mine);
                finished.add(done);
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // the start line: returns when every worker has reached it
                    for (int k = 0; k < work.adds(); k++) {
                        int amount = work.step(); // a slow step
                        mine.set(mine.get() + amount);
                    }
                    done.set(1); // after the last step: main may read the sum once it sees this
                });
                processes.add(worker);
                worker.start();
            }

            // ---- change from here: main must not add up the steps before the processes are done ----
            for (SharedInt done : finished) {
                // a flag in shared memory instead of join(): set by the process after its last step
                if (!done.awaitAtLeast(1, Duration.ofMinutes(1))) {
                    throw new IllegalStateException("a process did not finish its steps");
                }
            }
            // ---- to here ----

            int total = 0;
            for (SharedInt s : steps) {
                total += s.get();
            }
            return total;
        } // closing the workspace stops any process still running
    }
}
