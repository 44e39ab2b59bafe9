import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ProcessLock;
import concurrencydemo.multiprocessing.SharedDoubles;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * 练习 value-array-lock（对应原文“可以使用锁避免资源竟态”一节）：四个进程争相修改的
 * 一个 Value 和一个 Array。
 *
 * demo 会调用 run(work) 几次，每次的规模各不相同。两个进程给共享的 Value 做 work.adds() 次
 * 加法；另外两个进程给共享的 Array 的每个元素各做 work.adds() 次加法；每次加法都加上
 * work.step() 返回的量。Array 的初始值是 work.numbers()。run 返回 Value，后面跟着 Array 的
 * 各个元素。
 *
 * 检查：./demo check value-array-lock      没有头绪？./demo hint value-array-lock
 */
public class ValueArrayLock {
    public static double[] run(Work work) throws InterruptedException {
        try (Workspace ws = Workspace.create(System.out::println)) {
            SharedInt number = ws.sharedInt(0);                         // Python: Value('i', 0)
            double[] start = work.numbers().stream().mapToDouble(Integer::doubleValue).toArray();
            SharedDoubles array = ws.sharedDoubles(start);              // Python: Array('d', ...)
            int adds = work.adds();

            // ---- 从这里开始修改：不能丢失任何一次加法 ----
            ProcessLock valueLock = ws.lock(); // Python: Lock()，一把给 Value
            ProcessLock arrayLock = ws.lock(); // 另一把给 Array，和原文一样
            List<ChildProcess> processes = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                processes.add(ws.process("V" + (p + 1), () -> {
                    work.begin(); // 起跑线：四个进程全都到了才返回
                    for (int k = 0; k < adds; k++) {
                        valueLock.acquire();
                        try {
                            int seen = number.get();
                            int amount = work.step();   // 读和写之间耗时的步骤（保留它）
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
                                int amount = work.step();  // 读和写之间耗时的步骤（保留它）
                                array.set(i, seen + amount);
                            } finally {
                                arrayLock.release();
                            }
                        }
                    }
                }));
            }
            // ---- 改到这里 ----

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
