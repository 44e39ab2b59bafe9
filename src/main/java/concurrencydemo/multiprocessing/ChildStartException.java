package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.util.Locale;

/**
 * The operating system refused to start a child JVM (too many open files or processes, no
 * memory, the {@code java} binary gone). Carries the child's name and the system's reason.
 */
public final class ChildStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String child;
    private final String reason;

    ChildStartException(String child, IOException cause) {
        super("cannot start child process " + child + ": " + reason(cause), cause);
        this.child = child;
        this.reason = reason(cause);
    }

    /** The child's name, e.g. {@code P1}. */
    public String child() {
        return child;
    }

    /** The system's reason, lower-cased, e.g. {@code error=24, too many open files}. */
    public String reason() {
        return reason;
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = message.lastIndexOf(": ");
        return (colon >= 0 ? message.substring(colon + 2) : message).toLowerCase(Locale.ROOT);
    }
}
