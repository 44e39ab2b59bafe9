package concurrencydemo.multiprocessing;

/**
 * A frame from another process held what demo never sends: an object of a class outside the
 * allow-list of {@link Frames}, or a structure past its limits (nesting, references, an array's
 * length). The refused object was not built; objects read before it in the same frame may have
 * been (their {@code readObject} methods run). Thrown in the thread that read the frame.
 */
public final class FrameRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String refused;

    FrameRefusedException(String refused, Throwable cause) {
        super("refused an object sent by another process: " + refused, cause);
        this.refused = refused;
    }

    /** The class refused ({@code java.net.URI}), or the limit passed ({@code array length 2147483647 > 16777216}). */
    public String refused() {
        return refused;
    }
}
