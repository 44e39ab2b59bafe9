package concurrencydemo.multiprocessing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace that processes record into shared memory: each step takes the next slot with one atomic
 * add, so the slots' order is the order in which the steps were recorded across processes. Times
 * come from {@link System#nanoTime}, the same monotonic clock in every process on Linux. When the
 * slots run out, later steps are dropped.
 *
 * <p>A slot is published by its ready word, written last: the step's value and time are written
 * first, then the word that holds its actor and operation with a ready bit. {@link #steps()}
 * reads the ready word first and leaves out a slot that is not ready yet (a step being recorded as
 * it reads). All accesses are volatile {@link java.lang.invoke.VarHandle} accesses on the shared
 * mapping; see the package documentation for what orders them across processes.
 */
public final class SharedTrace extends Mapped {
    private static final long serialVersionUID = 1L;
    private static final String[] OPS = {"read", "write", "ask", "lock", "unlock"};
    /** Slot layout: ready word (ready bit, actor, op in 3 bits) int at 0, value int at 4, time long at 8. */
    private static final int SLOT = 16;
    private static final int HEADER = 8; // the next-slot counter, padded so slots' times are 8-aligned
    private static final int READY = 1 << 30;

    private final int capacity;

    private SharedTrace(Path file, int capacity) {
        super(file, HEADER + capacity * SLOT);
        this.capacity = capacity;
    }

    static SharedTrace create(Workspace ws, int capacity) {
        return new SharedTrace(ws.newFile("trace-", ".mem"), capacity);
    }

    /** One recorded step: process {@code actor} ({@code P1}) did {@code op} with {@code value} at {@code nanos}. */
    public record Step(String actor, String op, int value, long nanos) {
    }

    /**
     * Records that process {@code actor} (1 for P1, below 2^27) did {@code op} ("read", "write",
     * "ask" for the lock, "lock", "unlock") with {@code value}.
     */
    public void record(int actor, String op, int value) {
        int opCode = List.of(OPS).indexOf(op);
        if (opCode < 0 || actor < 0 || actor >= 1 << 27) {
            throw new IllegalArgumentException("cannot record " + op + " by " + actor);
        }
        // the time first, right after the step itself: a process descheduled between claiming its
        // slot and reading the clock would otherwise show a step hundreds of microseconds late
        long now = System.nanoTime();
        int slot = (int) Mapped.INTS.getAndAdd(memory(), 0, 1);
        if (slot >= capacity) {
            return;
        }
        int at = HEADER + slot * SLOT;
        Mapped.INTS.setVolatile(memory(), at + 4, value);
        Mapped.LONGS.setVolatile(memory(), at + 8, now);
        Mapped.INTS.setVolatile(memory(), at, READY | (actor << 3) | opCode); // publishes the slot
    }

    /** The steps recorded so far, in order; complete once the recording processes have been joined. */
    public List<Step> steps() {
        int n = Math.min(capacity, (int) Mapped.INTS.getVolatile(memory(), 0));
        List<Step> steps = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            int at = HEADER + slot * SLOT;
            int code = (int) Mapped.INTS.getVolatile(memory(), at);
            if ((code & READY) == 0) {
                continue; // claimed, not yet written
            }
            steps.add(new Step("P" + ((code & ~READY) >> 3), OPS[code & 7],
                    (int) Mapped.INTS.getVolatile(memory(), at + 4),
                    (long) Mapped.LONGS.getVolatile(memory(), at + 8)));
        }
        return steps;
    }
}
