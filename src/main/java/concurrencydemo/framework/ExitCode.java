package concurrencydemo.framework;

/** demo's exit codes, in one place. */
public final class ExitCode {
    /** Every lesson ran and every fixed variant held its invariant. */
    public static final int OK = 0;
    /** A fixed variant broke its invariant, or a lesson failed. */
    public static final int WRONG = 1;
    /** The command line was wrong: unknown lesson or option, bad value. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
