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
 * demo calls run(work) a few times, each time with other sizes. Two processes add to the shared
 * Value work.adds() times; two others add to each element of the shared Array work.adds() times;
 * each addition adds what work.step() returned. The Array starts at work.numbers(). run returns
 * the Value, then the Array's elements.
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
            ProcessLock valueLock = ws.lock(); // Python: Lock(), one for the Value
            ProcessLock arrayLock = ws.lock(); // and one for the Array, as the seed has it
            List<ChildProcess> processes = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                processes.add(ws.process("V" + (p + 1), () -> {
                    work.begin(); // the start line: returns when all four processes have reached it
                    for (int k = 0; k < adds; k++) {
                        valueLock.acquire();
                        try {
                            int seen = number.get();
                            int amount = work.step();   // a slow step between the read and the write (keep it)
                            number.set(seen + amount);
                        } finally {
                            valueLock.release();
                        }
                    }
                }));
            }
            for (int p = 0; p < 2; p++) {
                processes.add(ws.process("A" + (p + 1), () -> {
                    work.begin();
                    for (int k = 0; k < adds; k++) {
                        for (int i = 0; i < array.length(); i++) {
                            arrayLock.acquire();
                            try {
                                double seen = array.get(i);
                                int amount = work.step();  // a slow step between the read and the write (keep it)
                                array.set(i, seen + amount);
                            } finally {
                                arrayLock.release();
                            }
                        }
                    }
                }));
            }
            // ---- to here ----

            for (ChildProcess p : processes) {
                p.start();
            }
            for (ChildProcess p : processes) {
                p.join();
            }
            double[] result = new double[1 + array.length()];
            result[0] = number.get();
            for (int i = 0; i < array.length(); i++) {
                result[1 + i] = array.get(i);
            }
            return result;
        }
    }
}
