import concurrencydemo.exercises.Work;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * 练习 join-processes（对应原文“创建并开启进程”一节）：main 必须等待的进程。
 *
 * demo 会调用 run(work) 几次，每次的规模各不相同：work.workers() 个进程（子 JVM），每个进程
 * 执行 work.adds() 步，并把各步的量加到自己的那个共享 int 上。run 必须返回它们所有步骤加起来的
 * 总和。
 *
 * 检查：./demo check join-processes      没有头绪？./demo hint join-processes
 */
public class JoinProcesses {
    public static int run(Work work) throws InterruptedException {
        try (Workspace ws = Workspace.create(System.out::println)) {
            List<SharedInt> steps = new ArrayList<>();
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < work.workers(); i++) {
                SharedInt mine = ws.sharedInt(0); // 共享内存：存放这个进程加出的和
                steps.add(mine);
                ChildProcess worker = ws.process("P" + (i + 1), () -> {
                    work.begin(); // 起跑线：所有工作进程都到了才返回
                    for (int k = 0; k < work.adds(); k++) {
                        int amount = work.step(); // 耗时的步骤；返回这一步要加上的量
                        mine.set(mine.get() + amount);
                    }
                });
                processes.add(worker);
                worker.start();
            }

            // ---- 从这里开始修改：main 不能在各进程做完之前就把各步加起来 ----

            // ---- 改到这里 ----

            int total = 0;
            for (SharedInt s : steps) {
                total += s.get();
            }
            return total;
        } // 关闭 workspace 会停止所有仍在运行的进程
    }
}
