import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.Workspace;

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
    public static List<Integer> run(Work work) throws Exception {
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- 从这里开始修改：结果必须回到 main ----
            try (Pool pool = ws.pool(work.workers())) { // Python: with Pool(processes=...) as pool:
                return pool.map(work::process, work.numbers()); // 结果按顺序交回来
            }
            // ---- 改到这里 ----
        }
    }
}
