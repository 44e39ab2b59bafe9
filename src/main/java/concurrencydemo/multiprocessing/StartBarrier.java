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
 * <p>Memory consistency effects: each arrival is a volatile atomic add to the shared int, and each
 * waiter returns after a volatile read that sees the last one; so writes to shared memory before
 * {@code await} in any process are visible after the return from {@code await} in every process.
 * Within one JVM that is the memory model's volatile rule; across processes it is what the shared
 * pages, the locked and fenced instructions and cache coherence give (see the package
 * documentation).
 */
public final class StartBarrier implements Serializable {
    private static final long serialVersionUID = 1L;

    private final SharedInt arrived;
    private final int parties;

    private StartBarrier(SharedInt arrived, int parties) {
        this.arrived = arrived;
        this.parties = parties;
    }

    static StartBarrier create(Workspace ws, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least one party, not " + parties);
        }
        return new StartBarrier(ws.sharedInt(0), parties);
    }

    /**
     * Arrives, then waits for the other parties.
     *
     * @throws TimeoutException when they have not all arrived within {@code timeout} (a party died)
     */
    public void await(Duration timeout) throws TimeoutException, InterruptedException {
        arrived.addAndGet(1);
        if (!arrived.awaitAtLeast(parties, timeout)) {
            throw new TimeoutException("only " + arrived.get() + " of " + parties
                    + " processes reached the start barrier");
        }
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
}
