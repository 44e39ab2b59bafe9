package concurrencydemo.multiprocessing;

/** A program that is not Java ended badly: which, its exit code (-1: it was stopped), and why. */
public final class ExternalProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String program;
    private final int exitCode;
    private final String reason;

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
