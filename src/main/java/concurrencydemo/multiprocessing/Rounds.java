package concurrencydemo.multiprocessing;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Repeated rounds between a parent and its children, through shared memory: the parent opens
 * round k by storing k, which releases every child at once (the start barrier of that round); each
 * child runs its part and counts itself finished; the parent waits for all of them, then prepares
 * the next round. This lets many trials run in children started once.
 *
 * <p>Memory consistency effects: the round number and the finished count are volatile accesses
 * to shared memory, so the parent's writes to shared memory before opening round k are visible to
 * the children in round k, and theirs in round k to the parent when {@link #runRound} returns.
 * Across processes that rests on the shared pages, the fenced instructions and cache coherence, not
 * on the Java memory model (see the package documentation).
 */
public final class Rounds implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long PARK_NANOS = 20_000;
    /**
     * The parent's longest wait between looks at the finished count: it backs off to this, so
     * that during a long round it takes next to no CPU from the children it waits for.
     */
    private static final long MAX_PARK_NANOS = 1_000_000;
    /** A round lasts as long as its slowest part: children wait for the next one without a bound. */
    private static final Duration NO_DEADLINE = Duration.ofDays(365);
    /** How often (in waits: about half a second once backed off) the parent checks that its children are alive. */
    private static final int LIVENESS_EVERY = 500;

    private final SharedInt round;
    private final SharedInt finished;
    private final int parties;

    public Rounds(Workspace ws, int parties) {
        this.round = ws.sharedInt(0);
        this.finished = ws.sharedInt(0);
        this.parties = parties;
    }

    /** In a child: takes part in rounds 1..n, running {@code part} in each. */
    public void repeat(int n, Task part) throws Exception {
        for (int k = 1; k <= n; k++) {
            round.awaitAtLeast(k, NO_DEADLINE);
            part.run();
            finished.addAndGet(1);
        }
    }

    /**
     * In the parent: opens round {@code k} and waits until every child has finished it.
     *
     * @throws ChildFailedException when a child dies instead
     */
    public void runRound(int k, List<ChildProcess> children) throws InterruptedException {
        finished.set(0);
        round.set(k);
        int waits = 0;
        long park = PARK_NANOS;
        while (finished.get() < parties) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            ChildProcess failed = ++waits % LIVENESS_EVERY == 0 ? ChildProcess.firstFailed(children) : null;
            if (failed != null) {
                throw ChildFailedException.of(failed);
            }
            LockSupport.parkNanos(park);
            park = Math.min(2 * park, MAX_PARK_NANOS);
        }
    }
}
