import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * 练习 static-field（对应原文“进程间分享数据”一节）：进程之间并不共享的静态字段。
 *
 * demo 会调用 run(work) 几次，每次的规模各不相同：work.workers() 个进程（子 JVM）各自把
 * work.adds() 步加起来。run 必须返回它们所有步骤加起来的总和。
 *
 * 检查：./demo check static-field      没有头绪？./demo hint static-field
 */
public class StaticField {
    static int counted; // 每个 JVM 都有这个静态字段自己的一份副本

    public static int run(Work work) throws InterruptedException {
        counted = 0;
        try (Workspace ws = Workspace.create(System.out::println)) {
            // ---- 从这里开始修改：计数必须传回 main ----
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // 起跑线：所有工作进程都到了才返回
                    for (int k = 0; k < work.adds(); k++) {
                        int seen = counted;        // 读
                        int amount = work.step();  // 读和写之间耗时的步骤（保留它）
                        counted = seen + amount;   // 写
                    }
                });
                processes.add(worker);
                worker.start();
            }
            for (ChildProcess worker : processes) {
                worker.join();
            }
            return counted;
            // ---- 改到这里 ----
        }
    }
}
