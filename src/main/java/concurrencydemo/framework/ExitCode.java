package concurrencydemo.framework;

import picocli.CommandLine.ParameterException;

/** demo's exit codes, and the one choice of a code for a command that ended by an exception. */
public final class ExitCode {
    /** Every lesson ran and every fixed variant held its invariant. */
    public static final int OK = 0;
    /**
     * A fixed variant broke its invariant, or a lesson failed; or demo could not do what was asked
     * (output it cannot write, a folder it cannot read or write).
     */
    public static final int WRONG = 1;
    /** The command line was wrong: unknown lesson or option, bad value. */
    public static final int USAGE = 2;

    private ExitCode() {
    }

    /**
     * The exit code of a command that ended with {@code e}: an {@link ExitException}'s own, a
     * usage error's {@link #USAGE}, and {@link #WRONG} for any other failure.
     */
    public static int of(Throwable e) {
        if (e instanceof ExitException exit) {
            return exit.status();
        }
        return e instanceof ParameterException ? USAGE : WRONG;
    }
}
