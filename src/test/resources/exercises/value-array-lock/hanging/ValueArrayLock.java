// Test fixture: hanging — main takes the processes' lock to read the results "safely", but takes it before starting and joining them.
import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ProcessLock;
import concurrencydemo.multiprocessing.SharedDoubles;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Exercise value-array-lock (the seed's 可以使用锁避免资源竟态): a Value and an Array raced by four
 * processes.
 *
 * demo calls run(work) a few times, each time with other sizes. Two processes add 1 to the shared
 * Value work.adds() times; two others add 1 to each element of the shared Array work.adds() times.
 * The Array starts at work.numbers(). run returns the Value, then the Array's elements.
 *
 * Check it: ./demo check value-array-lock      Stuck? ./demo hint value-array-lock
 */
public class ValueArrayLock {
    public static double[] run(Work work) throws InterruptedException {
        try (Workspace ws = Workspace.create(System.out::println)) {
            SharedInt number = ws.sharedInt(0);                         // Python: Value('i', 0)
            double[] start = work.numbers().stream().mapToDouble(Integer::doubleValue).toArray();
            SharedDoubles array = ws.sharedDoubles(start);              // Python: Array('d', ...)
            int adds = work.adds();

            // ---- change from here: no addition may be lost ----
            ProcessLock lock = ws.lock(); // Python: Lock(), for the Value and the Array
            List<ChildProcess> processes = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                processes.add(ws.process("V" + (p + 1), () -> {
                    work.begin(); // the start line: returns when all four processes have reached it
                    for (int k = 0; k < adds; k++) {
                        lock.acquire();
                        try {
                            int seen = number.get();
                            int amount = work.step();            // a slow step between the read and the write (keep it)
                            number.set(seen + amount);
                        } finally {
                            lock.release();
                        }
                    }
                }));
            }
            for (int p = 0; p < 2; p++) {
                processes.add(ws.process("A" + (p + 1), () -> {
                    work.begin();
                    for (int k = 0; k < adds; k++) {
                        for (int i = 0; i < array.length(); i++) {
                            lock.acquire();
                            try {
                                double seen = array.get(i);
                                int amount = work.step();        // a slow step between the read and the write (keep it)
                                array.set(i, seen + amount);
                            } finally {
                                lock.release();
                            }
                        }
                    }
                }));
            }
            lock.acquire(); // main reads the results under the lock too... but holds it while the processes run
            // ---- to here ----

            try {
                for (ChildProcess p : processes) {
                    p.start();
                }
                for (ChildProcess p : processes) {
                    p.join(); // waits for a process that waits for the lock main holds
                }
                double[] result = new double[1 + array.length()];
                result[0] = number.get();
                for (int i = 0; i < array.length(); i++) {
                    result[1 + i] = array.get(i);
                }
                return result;
            } finally {
                lock.release();
            }
        }
    }
}
