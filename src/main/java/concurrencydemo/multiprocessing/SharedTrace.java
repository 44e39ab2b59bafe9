package concurrencydemo.multiprocessing;

import concurrencydemo.report.Trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Trace} that processes record into shared memory: each event takes the next slot with
 * one atomic add, so the slots' order is the order in which the steps happened across processes.
 * Times come from {@link System#nanoTime}, the same monotonic clock in every process on Linux.
 * When the slots run out, later events are dropped.
 */
public final class SharedTrace extends Mapped {
    private static final long serialVersionUID = 1L;
    private static final String[] OPS = {"read", "write", "lock", "unlock"};
    private static final int SLOT = 16; // actor int, op int, time long

    private final int capacity;

    private SharedTrace(Path file, int capacity) {
        super(file, 8 + capacity * SLOT);
        this.capacity = capacity;
    }

    static SharedTrace create(Workspace ws, int capacity) {
        return new SharedTrace(ws.newFile("trace-", ".mem"), capacity);
    }

    /** Records that process {@code actor} (1 for P1) did {@code op} ("read", "write", "lock", "unlock") with {@code value}. */
    public void record(int actor, String op, int value) {
        int slot = (int) Mapped.INTS.getAndAdd(memory(), 0, 1);
        if (slot >= capacity) {
            return;
        }
        int at = 8 + slot * SLOT;
        int opCode = List.of(OPS).indexOf(op);
        Mapped.INTS.setVolatile(memory(), at, (actor << 2) | opCode);
        Mapped.INTS.setVolatile(memory(), at + 4, value);
        memory().putLong(at + 8, System.nanoTime());
    }

    /** The events recorded so far, in order; read after the recording processes have been joined. */
    public List<Trace.Event> events() {
        int n = Math.min(capacity, (int) Mapped.INTS.getVolatile(memory(), 0));
        List<Trace.Event> events = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            int at = 8 + slot * SLOT;
            int code = (int) Mapped.INTS.getVolatile(memory(), at);
            events.add(new Trace.Event("P" + (code >> 2), OPS[code & 3],
                    (int) Mapped.INTS.getVolatile(memory(), at + 4), memory().getLong(at + 8)));
        }
        return events;
    }
}
