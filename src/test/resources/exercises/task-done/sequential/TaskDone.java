// Test fixture: sequential — puts every item first, then starts one worker at a time and waits in q.join() until it has drained the queue.
import concurrencydemo.exercises.Work;
import concurrencydemo.threading.JoinableQueue;

/**
 * Exercise task-done (the seed's 多线程消息队列通信): a queue whose join() never returns.
 *
 * demo calls run(work) many times, each time with other items: work.workers() worker threads take
 * the items of work.numbers() from a queue and add them up. run must return the sum of all items.
 *
 * Check it: ./demo check task-done      Stuck? ./demo hint task-done
 */
public class TaskDone {
    public static int run(Work work) throws InterruptedException {
        JoinableQueue<Integer> q = new JoinableQueue<>(); // Python: queue.Queue()
        int[] sums = new int[work.workers()];             // one slot per worker
        for (int item : work.numbers()) {
            q.put(item);
        }
        for (int i = 0; i < work.workers(); i++) {
            int me = i;
            Thread worker = new Thread(() -> {
                work.begin(); // the start line: returns when every worker has reached it
                try {
                    while (true) {
                        int item = q.get();
                        // ---- change from here: q.join() must learn that this item is done ----
                        try {
                            sums[me] += work.process(item); // a slow step: processing the item
                        } finally {
                            q.taskDone(); // Python: q.task_done(), once per item taken
                        }
                        // ---- to here ----
                    }
                } catch (InterruptedException stopped) {
                    // asked to stop: end the thread
                }
            });
            worker.setDaemon(true); // Python: daemon=True; it waits in q.get() when main is done
            worker.start();
            q.join(); // waits until this worker has marked every item done, before starting the next
        }
        int total = 0;
        for (int s : sums) {
            total += s;
        }
        return total;
    }
}
