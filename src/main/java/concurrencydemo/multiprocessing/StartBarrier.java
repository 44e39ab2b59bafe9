package concurrencydemo.multiprocessing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A one-shot barrier in shared memory: each of {@code parties} processes calls {@link #await} and
 * none returns until all have arrived, so that racing processes start their loops together
 * whatever their JVMs' start-up times were.
 *
 * <p>Waiting spins briefly, then parks for short intervals, so that on a single CPU the waiting
 * process gives way to the ones still starting.
 *
 * <p>Memory consistency effects: actions before {@code await} in any process happen-before the
 * return from {@code await} in every process.
 */
public final class StartBarrier extends Mapped {
    private static final long serialVersionUID = 1L;
    private static final long PARK_NANOS = 20_000;

    private final int parties;

    private StartBarrier(Path file, int parties) {
        super(file, Integer.BYTES);
        this.parties = parties;
    }

    static StartBarrier create(Workspace ws, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a barrier needs at least one party, not " + parties);
        }
        Path file = ws.newFile("barrier-", ".mem");
        return new StartBarrier(file, parties);
    }

    /**
     * Arrives, then waits for the other parties.
     *
     * @throws TimeoutException when they have not all arrived within {@code timeout} (a party died)
     */
    public void await(Duration timeout) throws TimeoutException, InterruptedException {
        var m = memory();
        Mapped.INTS.getAndAdd(m, 0, 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        int spins = 0;
        while ((int) Mapped.INTS.getVolatile(m, 0) < parties) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + Mapped.INTS.getVolatile(m, 0) + " of " + parties
                        + " processes reached the start barrier");
            }
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
    }

    /** How many parties have arrived. */
    public int arrived() {
        return (int) Mapped.INTS.getVolatile(memory(), 0);
    }

}
