import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * 练习 pool-map（对应原文“进程池”一节）：往父进程看不到的列表里追加结果的工作进程。
 *
 * demo 会调用 run(work) 几次，每次的数各不相同：run 必须按顺序返回 work.numbers() 中每个 x
 * 的 work.process(x)，由几个进程同时计算。（work.process 代表原文的 f(x)；它具体算什么，
 * 每次运行都不一样。）
 *
 * 检查：./demo check pool-map      没有头绪？./demo hint pool-map
 */
public class PoolMap {
    static List<Integer> results = new ArrayList<>(); // 每个 JVM 都有自己的一份副本

    public static List<Integer> run(Work work) throws Exception {
        results = new ArrayList<>();
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- 从这里开始修改：结果必须回到 main ----
            List<Integer> numbers = work.numbers();
            List<ChildProcess> processes = new ArrayList<>();
            for (int p = 0; p < work.workers(); p++) {
                int first = p;
                ChildProcess worker = ws.process("P" + (p + 1), () -> {
                    for (int i = first; i < numbers.size(); i += work.workers()) {
                        results.add(work.process(numbers.get(i)));
                    }
                });
                processes.add(worker);
                worker.start();
            }
            for (ChildProcess worker : processes) {
                worker.join();
            }
            return results;
            // ---- 改到这里 ----
        }
    }
}
