package concurrencydemo.threading;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code queue.Queue} with {@code task_done()} and {@code join()}: a blocking FIFO queue
 * that also counts unfinished tasks. The JDK's queues have no such count, so this adds it to a
 * {@link LinkedBlockingQueue}.
 *
 * <p>Each {@link #put} adds one unfinished task; each {@link #taskDone} (called by a consumer after
 * it has processed an item it took) removes one; {@link #join} blocks until none is unfinished.
 *
 * <p>Memory consistency effects: actions of a consumer before {@code taskDone()} happen-before the
 * return from a {@code join()} that this {@code taskDone()} released.
 *
 * @param <E> the item type
 */
public final class JoinableQueue<E> {
    private final LinkedBlockingQueue<E> items = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allDone = lock.newCondition();
    /** Guarded by {@code lock}. */
    private int unfinished;

    /** Adds {@code item} at the tail, as one more unfinished task. */
    public void put(E item) {
        lock.lock();
        try {
            unfinished++;
        } finally {
            lock.unlock();
        }
        items.add(item);
    }

    /** Removes and returns the head, waiting until there is one. */
    public E get() throws InterruptedException {
        return items.take();
    }

    /** Says that one item taken with {@link #get} has been processed. */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than there were items");
            }
            if (--unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until every item put has been taken and marked done. */
    public void join() throws InterruptedException {
        lock.lock();
        try {
            while (unfinished > 0) {
                allDone.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #join()}, waiting at most {@code timeout}; returns whether all were done. */
    public boolean join(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (unfinished > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = allDone.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The number of items put and not yet marked done. */
    public int unfinished() {
        lock.lock();
        try {
            return unfinished;
        } finally {
            lock.unlock();
        }
    }
}
