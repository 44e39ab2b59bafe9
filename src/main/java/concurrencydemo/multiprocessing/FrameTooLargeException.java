package concurrencydemo.multiprocessing;

/**
 * An object to be sent to another process (a task, a pool call or result, a queue item) is larger,
 * serialized, than one frame may be ({@link #limit()} bytes). Thrown in the thread that tried to
 * send it, before anything of it was sent; for a pool result, in the worker, and the call fails
 * with an {@link java.util.concurrent.ExecutionException} whose cause this is.
 *
 * <p>Carries the facts: what was sent ({@link #what()}), its serialized size ({@link #size()}) and
 * the limit.
 */
public final class FrameTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final long size;
    private final int limit;

    FrameTooLargeException(String what, long size, int limit) {
        super(what + " is " + size + " bytes serialized, more than the frame limit of " + limit + " bytes");
        this.what = what;
        this.size = size;
        this.limit = limit;
    }

    /** What was to be sent, e.g. {@code a pool call with an argument of class [B}. */
    public String what() {
        return what;
    }

    /** Its size, serialized, in bytes. */
    public long size() {
        return size;
    }

    /** The largest frame, in bytes. */
    public int limit() {
        return limit;
    }
}
