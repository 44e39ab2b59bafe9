import concurrencydemo.exercises.Work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * 练习 shared-counter（对应原文“使用锁处理资源竟态”一节）：多个线程共享的计数器。
 *
 * demo 会多次调用 run(work)，每次的规模各不相同：work.workers() 个线程各给计数器做
 * work.adds() 次加法，每次加上 work.step() 返回的量。run 必须返回计数器的值：每一次加法都
 * 算在内，一次也不能丢。
 *
 * 检查：./demo check shared-counter      没有头绪？./demo hint shared-counter
 */
public class SharedCounter {
    static int counter; // 所有工作线程共用

    public static int run(Work work) throws InterruptedException {
        counter = 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < work.workers(); i++) {
            Thread worker = new Thread(() -> {
                work.begin(); // 起跑线：所有工作线程都到了才返回
                for (int k = 0; k < work.adds(); k++) {
                    addOne(work);
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

    // ---- 从这里开始修改：不能丢失任何一次加法 ----
    static final ReentrantLock lock = new ReentrantLock(); // 一把锁，所有工作线程共用

    static void addOne(Work work) {
        lock.lock(); // Python: lock.acquire()
        try {
            int seen = counter;        // 读
            int amount = work.step();  // 读和写之间耗时的步骤（保留它）
            counter = seen + amount;   // 写
        } finally {
            lock.unlock(); // Python: lock.release()
        }
    }
    // ---- 改到这里 ----
}
