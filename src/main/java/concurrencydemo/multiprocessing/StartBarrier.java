package concurrencydemo.multiprocessing;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot barrier in shared memory: each of {@code parties} processes calls {@link #await} and
 * none returns until all have arrived, so that racing processes start their loops together
 * whatever their JVMs' start-up times were.
 *
 * <p>Waiting spins briefly, then parks for short intervals, so that on a single CPU the waiting
 * process gives way to the ones still starting.
 *
 * <p>Like {@link java.util.concurrent.CyclicBarrier}, it can break: a party that has waited its
 * time-out in vain breaks it, and from then on every party waiting, or arriving later, returns at
 * once, told that the barrier is broken (the parties did not all start together). A broken
 * barrier stays broken.
 *
 * <p>Memory consistency effects: each arrival is a volatile atomic add to the shared int, and each
 * waiter returns after a volatile read that sees the last one; so writes to shared memory before
 * {@code await} in any process are visible after the return from {@code await} in every process.
 * Within one JVM that is the memory model's volatile rule; across processes it is what the shared
 * pages, the locked and fenced instructions and cache coherence give (see the package
 * documentation).
 */
public final class StartBarrier implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How long one wait for the others lasts before a party looks whether the barrier broke. */
    private static final Duration SLICE = Duration.ofMillis(1);

    private final SharedInt arrived;
    /** 1 once broken, for good. */
    private final SharedInt broken;
    private final int parties;

    private StartBarrier(SharedInt arrived, SharedInt broken, int parties) {
        this.arrived = arrived;
        this.broken = broken;
        this.parties = parties;
    }

    /**
     * A barrier for {@code parties} parties, its state in {@code ws}'s shared memory.
     *
     * @throws IllegalArgumentException when {@code parties} is less than one
     */
    static StartBarrier create(Workspace ws, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least one party, not " + parties);
        }
        return new StartBarrier(ws.sharedInt(0), ws.sharedInt(0), parties);
    }

    /**
     * Arrives, then waits for the other parties, at most {@code timeout}; past it, breaks the
     * barrier. Returns at once when the barrier is or becomes broken.
     *
     * @return true when every party arrived and the barrier is not broken
     * @throws InterruptedException when interrupted while waiting (the barrier stays as it is)
     */
    public boolean arrive(Duration timeout) throws InterruptedException {
        arrived.addAndGet(1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrived.awaitAtLeast(parties, SLICE)) {
            if (isBroken()) {
                return false;
            }
            if (System.nanoTime() - deadline >= 0) {
                broken.set(1);
                return false;
            }
        }
        return !isBroken();
    }

    /**
     * Arrives, then waits for the other parties, as {@link #arrive}.
     *
     * @throws TimeoutException when they have not all arrived within {@code timeout} (a party died),
     *         or the barrier broke
     */
    public void await(Duration timeout) throws TimeoutException, InterruptedException {
        if (!arrive(timeout)) {
            throw new TimeoutException("only " + arrived.get() + " of " + parties
                    + " processes reached the start barrier");
        }
    }

    /** Whether a party has waited its time-out in vain (see the class comment). */
    public boolean isBroken() {
        return broken.get() != 0;
    }

    /**
     * For a process that is not a party (the parent): waits until every party has arrived, or one
     * of {@code parties} has ended without arriving, or {@code timeout} has passed.
     *
     * @return whether every party arrived
     */
    public boolean awaitArrivals(java.util.List<ChildProcess> parties, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration slice = Duration.ofMillis(20);
        while (!arrived.awaitAtLeast(this.parties, slice)) {
            if (parties.stream().anyMatch(p -> !p.isAlive()) || System.nanoTime() >= deadline) {
                return arrived.get() >= this.parties;
            }
        }
        return true;
    }

    /** How many parties have arrived. */
    public int arrived() {
        return arrived.get();
    }

    /** {@code 2 of 3 arrived}, and {@code broken} when it is. */
    @Override
    public String toString() {
        return arrived.get() + " of " + parties + " arrived" + (isBroken() ? ", broken" : "");
    }
}
