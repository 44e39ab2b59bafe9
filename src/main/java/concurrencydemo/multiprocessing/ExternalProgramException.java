package concurrencydemo.multiprocessing;

/** A program that is not Java ended badly: which, its exit code (-1: it was stopped), and why. */
public final class ExternalProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String program;
    private final int exitCode;
    private final String reason;

    /** {@code program} ended well but printed something its caller cannot read as its result. */
    public static ExternalProgramException unreadableOutput(String program) {
        return new ExternalProgramException(program, 0, null);
    }

    /** Whether the program ended well but its output could not be read (see {@link #unreadableOutput}). */
    public boolean unreadable() {
        return reason == null;
    }

    ExternalProgramException(String program, int exitCode, String reason) {
        super(program + " exited " + exitCode + ": " + reason);
        this.program = program;
        this.exitCode = exitCode;
        this.reason = reason;
    }

    public String program() {
        return program;
    }

    public int exitCode() {
        return exitCode;
    }

    public String reason() {
        return reason;
    }
}
