import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;

/**
 * 练习 join-threads（对应原文“创建并开始线程”一节）：main 必须等待的线程。
 *
 * demo 会多次调用 run(work)，每次的规模各不相同：work.workers() 个线程，每个线程执行
 * work.adds() 步。run 必须返回它们所有步骤加起来的总和。
 *
 * 检查：./demo check join-threads      没有头绪？./demo hint join-threads
 */
public class JoinThreads {
    public static int run(Work work) throws InterruptedException {
        int[] steps = new int[work.workers()]; // 每个工作线程一个格子：不会有两个线程写同一个格子
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            int me = i;
            Thread worker = new Thread(() -> {
                work.begin(); // 起跑线：所有工作线程都到了才返回
                for (int k = 0; k < work.adds(); k++) {
                    steps[me] += work.step(); // 耗时的步骤；返回这一步要加上的量
                }
            });
            threads.add(worker);
            worker.start();
        }

        // ---- 从这里开始修改：main 不能在各工作线程做完之前就把各步加起来 ----
        for (Thread worker : threads) {
            worker.join(); // 等待这个工作线程结束；此后它写入的一切对 main 都可见
        }
        // ---- 改到这里 ----

        int total = 0;
        for (int s : steps) {
            total += s;
        }
        return total;
    }
}
