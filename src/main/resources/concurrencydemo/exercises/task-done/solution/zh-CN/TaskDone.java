import concurrencydemo.exercises.Work;
import concurrencydemo.threading.JoinableQueue;

/**
 * 练习 task-done（对应原文“多线程消息队列通信”一节）：join() 永远不返回的队列。
 *
 * demo 会多次调用 run(work)，每次的元素各不相同：work.workers() 个工作线程从队列中取出
 * work.numbers() 的各个元素，逐个处理（work.process），再把结果加起来。run 必须返回所有
 * 结果的和。
 *
 * 检查：./demo check task-done      没有头绪？./demo hint task-done
 */
public class TaskDone {
    public static int run(Work work) throws InterruptedException {
        JoinableQueue<Integer> q = new JoinableQueue<>(); // Python: queue.Queue()
        int[] sums = new int[work.workers()];             // 每个工作线程一个格子
        for (int i = 0; i < work.workers(); i++) {
            int me = i;
            Thread worker = new Thread(() -> {
                work.begin(); // 起跑线：所有工作线程都到了才返回
                try {
                    while (true) {
                        int item = q.get();
                        // ---- 从这里开始修改：必须让 q.join() 知道这个元素已经处理完 ----
                        try {
                            sums[me] += work.process(item); // 耗时的步骤：处理这个元素
                        } finally {
                            q.taskDone(); // Python: q.task_done()，每取出一个元素调用一次
                        }
                        // ---- 改到这里 ----
                    }
                } catch (InterruptedException stopped) {
                    // 被要求停止：结束这个线程
                }
            });
            worker.setDaemon(true); // Python: daemon=True；main 做完时，它还在 q.get() 中等待
            worker.start();
        }
        for (int item : work.numbers()) {
            q.put(item);
        }
        q.join(); // 放入的每个元素都被标记为完成之后才返回
        int total = 0;
        for (int s : sums) {
            total += s;
        }
        return total;
    }
}
