import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 练习 stranded-lock（对应原文“使用上下文管理器”一节）：因异常而一直被持有的锁。
 *
 * demo 会多次调用 run(work)，每次的规模各不相同：work.workers() 个线程各尝试做
 * work.adds() 次加法，每次加上 work.step() 返回的量。work.step() 的调用中有几次会抛出
 * Work.StepFailedException（是哪几次由 demo 决定，每次运行都重新选）：这几次加法失败，
 * 不加任何量。run 必须返回计数器的值：所有没有失败的加法都算在内。
 *
 * 检查：./demo check stranded-lock      没有头绪？./demo hint stranded-lock
 */
public class StrandedLock {
    static final ReentrantLock lock = new ReentrantLock();
    static int counter; // 所有工作线程共用，由 lock 保护

    public static int run(Work work) throws InterruptedException {
        counter = 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            Thread worker = new Thread(() -> {
                work.begin(); // 起跑线：所有工作线程都到了才返回
                for (int k = 0; k < work.adds(); k++) {
                    try {
                        addOne(work);
                    } catch (Work.StepFailedException failed) {
                        // 这次加法失败了：不计入总数，工作线程继续往下做
                    }
                }
            });
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            worker.join();
        }
        return counter;
    }

    // ---- 从这里开始修改：无论这次加法以何种方式结束，都必须释放锁 ----
    static void addOne(Work work) {
        lock.lock();
        try { // Python: with lock:
            int seen = counter;
            int amount = work.step();  // 耗时的步骤；时不时会抛出 Work.StepFailedException
            counter = seen + amount;
        } finally {
            lock.unlock(); // 无论代码块怎样结束，是正常返回还是抛出异常，这里都会执行
        }
    }
    // ---- 改到这里 ----
}
