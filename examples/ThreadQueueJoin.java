// Seed: 多线程消息队列通信 (threads communicating through a queue). Lesson: ./demo queues
// Run: java examples/ThreadQueueJoin.java      (20 "in ThreadN got X" lines, then main done)
import java.util.concurrent.LinkedBlockingQueue;

// 中文说明（原文“多线程消息队列通信”。详见 ./demo queues --lang zh-CN）
// 运行：java examples/ThreadQueueJoin.java（20 行“in ThreadN got X”，然后是 main done）
// 代码里的注释：
// - JoinableQueue 相当于 Python 的 queue.Queue：一个阻塞队列，还会统计未完成的元素，供 join() 使用。
// - get()：阻塞，直到有元素可取；join()：一直等到每个元素都被标记为完成（taskDone()）。
// - printLock：一次只打印一行。
// - setDaemon(true)：守护线程不会让 JVM 继续活着，JVM 退出时它被直接停止（对应 Python 的 daemon=True）。
// - q.join()：阻塞，直到 20 个元素全部处理完。
public class ThreadQueueJoin {
    /** Python's queue.Queue: a blocking queue that also counts unfinished items, for join(). */
    static final class JoinableQueue<E> {
        private final LinkedBlockingQueue<E> items = new LinkedBlockingQueue<>();
        private int unfinished;

        void put(E item) {
            synchronized (this) {
                unfinished++;
            }
            items.add(item);
        }

        E get() throws InterruptedException {
            return items.take();             // blocks until an item is available
        }

        synchronized void taskDone() {
            if (--unfinished == 0) {
                notifyAll();
            }
        }

        synchronized void join() throws InterruptedException {
            while (unfinished > 0) {
                wait();                      // until every item has been marked done
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        Object printLock = new Object();
        for (int i = 0; i < 10; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    int value;
                    try {
                        value = q.get();
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (printLock) {  // one line at a time
                        System.out.println("in " + Thread.currentThread().getName() + " got " + value);
                    }
                    q.taskDone();
                }
            }, "Thread" + (i + 1));
            t.setDaemon(true);               // does not keep the JVM alive: stopped when the JVM exits
            t.start();
        }
        for (int x = 0; x < 20; x++) {
            q.put(x);
        }
        q.join();                            // blocks until all 20 items are processed
        System.out.println("main done");
    }
}
