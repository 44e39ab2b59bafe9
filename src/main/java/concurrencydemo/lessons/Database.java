package concurrencydemo.lessons;

import concurrencydemo.report.Message;

import concurrencydemo.report.Trace;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The seed's {@code database_value}: a plain int that threads update by read, "retrieve", write.
 *
 * <p>Not thread-safe, on purpose. {@link #increase} is a read-modify-write with a window between
 * the read and the write, like the seed's {@code time.sleep(0.1)} that simulates retrieving data.
 * Two threads inside the window at once both read the same value, and one update is lost. The
 * window is what makes the race show every time, on many CPUs or on one: a thread that sleeps
 * gives up its CPU, so the other thread runs its read before the first one writes.
 */
final class Database {
    /** The shared value. Deliberately not volatile and not guarded: that is the lesson. */
    int value;

    /** What each thread read, for the verdict: thread name to value read. */
    final ConcurrentHashMap<String, Integer> reads = new ConcurrentHashMap<>();

    /** The trace to record steps in, or null. */
    final Trace trace;

    Database(Trace trace) {
        this.trace = trace;
    }

    /** Reads the value, waits {@code window}, writes the value plus one. */
    void increase(Duration window) {
        int localCopy = value;
        String me = Thread.currentThread().getName();
        reads.put(me, localCopy);
        record(me, "read", localCopy);
        localCopy += 1;
        sleep(window);
        value = localCopy;
        record(me, "write", localCopy);
    }

    /** Records a step of the current thread when tracing. */
    void record(String actor, String op, int v) {
        if (trace != null) {
            trace.record(actor, op, v);
        }
    }

    /** Records a lock step of the current thread when tracing. */
    void record(String op) {
        record(Thread.currentThread().getName(), op, 0);
    }

    /** Says, for a student, how two updates collided: who read what before anyone wrote. */
    Message howUpdatesWereLost() {
        var distinct = reads.values().stream().distinct().count();
        if (reads.size() >= 2 && distinct == 1) {
            return Message.of("locks.lost.bothRead", reads.values().iterator().next());
        }
        return Message.of("locks.lost.someRead");
    }

    /**
     * Sleeps without throwing; an interrupt ends the sleep early and stays set. A zero window
     * does not sleep at all.
     */
    static void sleep(Duration window) {
        if (window.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + window.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
