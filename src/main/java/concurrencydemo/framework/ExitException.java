package concurrencydemo.framework;

import concurrencydemo.report.Message;

/**
 * Thrown where a command cannot go on and must end with a given exit code and one line on stderr
 * that says why ({@link #reason}); {@link ExitCode#of} maps it to its code. A command line that is
 * wrong is a usage error instead ({@link LessonOptions.UsageError}).
 */
public final class ExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Message reason;

    public ExitException(int status, Message reason) {
        super(reason.key(), null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** demo could not do what was asked (a folder it cannot read or write): exit code 1. */
    public static ExitException cannot(Message reason) {
        return new ExitException(ExitCode.WRONG, reason);
    }

    public int status() {
        return status;
    }

    public Message reason() {
        return reason;
    }
}
