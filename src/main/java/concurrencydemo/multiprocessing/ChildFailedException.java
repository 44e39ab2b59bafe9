package concurrencydemo.multiprocessing;

/** A child process ended badly (threw, crashed, was killed); the message names it and says how. */
public final class ChildFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChildFailedException(String message) {
        super(message);
    }
}
