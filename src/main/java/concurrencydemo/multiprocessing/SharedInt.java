package concurrencydemo.multiprocessing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Python's {@code Value('i', 0)}: one int in memory shared by processes.
 *
 * <p>{@link #get} and {@link #set} are each atomic, and volatile accesses to the shared memory: a
 * {@code set} in one process is seen by the next {@code get} in any other. (Within one JVM that is
 * the Java memory model's volatile rule; across processes it is what the mapped memory, the fenced
 * instructions and cache coherence give: see the package documentation.)
 * But {@code v.set(v.get() + 1)} is a read-modify-write of two steps, and another process may
 * write between them: that lost update is what the race-condition lesson shows. Use a
 * {@link ProcessLock} around it, or {@link #addAndGet}, which is atomic.
 *
 * <p>Serializable: a task that captures a {@code SharedInt} sees the same int in the child.
 */
public final class SharedInt extends Mapped {
    private static final long serialVersionUID = 1L;
    private static final int SPINS = 100;
    private static final long PARK_NANOS = 20_000;
    /**
     * The longest park of a long wait: a waiter backs off to it, so that processes waiting for a
     * round or a barrier take little CPU from the one they wait for (on one CPU too), and wake at
     * most this late.
     */
    private static final long MAX_PARK_NANOS = 1_000_000;

    private SharedInt(Path file) {
        super(file, Integer.BYTES);
    }

    static SharedInt create(Workspace ws, int initial) {
        Path file = ws.newFile("value-", ".mem");
        SharedInt value = new SharedInt(file);
        value.set(initial);
        return value;
    }

    public int get() {
        return (int) Mapped.INTS.getVolatile(memory(), 0);
    }

    public void set(int value) {
        Mapped.INTS.setVolatile(memory(), 0, value);
    }

    /** Atomically adds {@code delta}, in one step no other process can split. */
    public int addAndGet(int delta) {
        return (int) Mapped.INTS.getAndAdd(memory(), 0, delta) + delta;
    }


    /**
     * Waits until the value is at least {@code target}: spins briefly, then parks for short
     * intervals, longer as the wait goes on (20 µs to 1 ms), so that on a single CPU the waiting
     * process gives way to the ones it waits for.
     *
     * @return whether the value got there within {@code timeout}
     */
    public boolean awaitAtLeast(int target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int spins = 0;
        long park = PARK_NANOS;
        while (get() < target) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(park);
                park = Math.min(park + park / 4, MAX_PARK_NANOS);
            }
        }
        return true;
    }

    /** Atomically sets the value to {@code update} if it is {@code expect}; returns whether it did. */
    public boolean compareAndSet(int expect, int update) {
        return Mapped.INTS.compareAndSet(memory(), 0, expect, update);
    }

    @Override
    public String toString() {
        return Integer.toString(get());
    }
}
