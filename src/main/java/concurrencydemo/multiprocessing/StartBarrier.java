package concurrencydemo.multiprocessing;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot barrier in shared memory: each of {@code parties} processes calls {@link #arrive}
 * (or {@link #await}) and none returns until all have arrived, so that racing processes start
 * their loops together whatever their JVMs' start-up times were.
 *
 * <p>Waiting spins briefly, then parks for short intervals, so that on a single CPU the waiting
 * process gives way to the ones still starting.
 *
 * <p>It can break, as {@link java.util.concurrent.CyclicBarrier} can: a party that waits its
 * time-out in vain, or is interrupted while it waits, breaks it, unless every party has arrived
 * by then. From then on every party waiting, or arriving later, returns at once, told that the
 * barrier is broken (the parties did not all start together). Breaking and the last arrival are
 * each one atomic step on one shared int, so every party is told the same: all return true, or
 * all false. A broken barrier stays broken (there is no {@code reset}).
 *
 * <p>Memory consistency effects: each arrival is a volatile atomic add to the shared int, and a
 * successful return ({@code arrive} returned true) follows a volatile read that sees the last
 * arrival; so writes to shared memory before {@code arrive} in any process are visible after a
 * successful return in every process. A party told that the barrier broke is promised nothing.
 * Within one JVM that is the memory model's volatile rule; across processes it is what the shared
 * pages, the locked and fenced instructions and cache coherence give (see the package
 * documentation).
 */
public final class StartBarrier implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The bit of {@link #state} that says the barrier broke; the bits below it count the arrivals. */
    private static final int BROKEN = 1 << 30;

    /** The arrivals, plus {@link #BROKEN} once broken. */
    private final SharedInt state;
    private final int parties;

    private StartBarrier(SharedInt state, int parties) {
        this.state = state;
        this.parties = parties;
    }

    /**
     * A barrier for {@code parties} parties, its state in {@code ws}'s shared memory.
     *
     * @throws IllegalArgumentException when {@code parties} is less than one
     */
    static StartBarrier create(Workspace ws, int parties) {
        if (parties < 1 || parties >= BROKEN) {
            throw new IllegalArgumentException("a barrier needs at least one party, not " + parties);
        }
        return new StartBarrier(ws.sharedInt(0), parties);
    }

    /**
     * Arrives, then waits for the other parties, at most {@code timeout}; past it, breaks the
     * barrier (unless they have all arrived by then). Returns at once when the barrier is or
     * becomes broken.
     *
     * @return true when every party arrived before the barrier broke: the same answer every party gets
     * @throws InterruptedException when interrupted while waiting; the barrier is then broken,
     *         unless every party had arrived
     */
    public boolean arrive(Duration timeout) throws InterruptedException {
        state.addAndGet(1);
        try {
            // the value reaches parties when all have arrived, and passes it at once when broken
            if (!state.awaitAtLeast(parties, timeout)) {
                breakUnlessComplete();
            }
        } catch (InterruptedException e) {
            breakUnlessComplete();
            throw e;
        }
        return !isBroken();
    }

    /** Breaks the barrier in one atomic step, unless every party has arrived (or it is broken already). */
    private void breakUnlessComplete() {
        int s;
        do {
            s = state.get();
        } while ((s & BROKEN) == 0 && s < parties && !state.compareAndSet(s, s | BROKEN));
    }

    /**
     * Arrives, then waits for the other parties, as {@link #arrive}.
     *
     * @throws TimeoutException when the barrier broke: a party waited in vain (one died, say)
     */
    public void await(Duration timeout) throws TimeoutException, InterruptedException {
        if (!arrive(timeout)) {
            throw new TimeoutException("the start barrier broke: a process gave up waiting; " + arrived() + " of "
                    + parties + " have reached it");
        }
    }

    /** Whether a party has waited in vain, or was interrupted (see the class comment). */
    public boolean isBroken() {
        return (state.get() & BROKEN) != 0;
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
        while (!state.awaitAtLeast(this.parties, slice)) {
            if (parties.stream().anyMatch(p -> !p.isAlive()) || System.nanoTime() >= deadline) {
                break;
            }
        }
        return arrived() >= this.parties;
    }

    /** How many parties have arrived. */
    public int arrived() {
        return state.get() & ~BROKEN;
    }

    /** {@code 2 of 3 arrived}, and {@code broken} when it is. */
    @Override
    public String toString() {
        return arrived() + " of " + parties + " arrived" + (isBroken() ? ", broken" : "");
    }
}
