package concurrencydemo.multiprocessing;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A child process ended badly, or did not end when it had to; carries the facts: its name, pid,
 * exit code and how it ended. The message is a plain technical line for logs, e.g.
 * {@code child P3 (pid 4242) ended by signal 9 (SIGKILL)}; turning the facts into words for a
 * reader is the caller's business.
 */
public final class ChildFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> SIGNALS = Map.of(
            1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL",
            11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

    /** How a child ended, as far as its exit code tells. */
    public enum How {
        /** Exited by itself with a code that none of the other constants explains (0 included). */
        EXITED,
        /** Exited {@value ChildMain#TASK_THREW}: its task threw. (A JVM that cannot start exits 1: {@link #EXITED}.) */
        THREW,
        /** Exited {@value ChildMain#ORPHANED}: it found its parent gone and halted. */
        ORPHANED,
        /** Ended by a signal, {@link #signal()}: the JVM reports exit code 128 + the signal. */
        KILLED_BY_SIGNAL,
        /** Still running when it should have ended. */
        STILL_RUNNING
    }

    private final String child;
    private final long pid;
    private final Integer exitCode;
    private final How how;

    private ChildFailedException(String child, long pid, Integer exitCode, How how) {
        super(message(child, pid, exitCode, how));
        this.child = child;
        this.pid = pid;
        this.exitCode = exitCode;
        this.how = how;
    }

    /** The facts of a child with {@code exitCode} ({@code null} while it runs). */
    static ChildFailedException of(String child, long pid, Integer exitCode) {
        return new ChildFailedException(child, pid, exitCode, how(exitCode));
    }

    /** The facts of {@code child} as it is now. */
    static ChildFailedException of(ChildProcess child) {
        return of(child.name(), child.pid(), child.exitCode());
    }

    private static How how(Integer code) {
        if (code == null) {
            return How.STILL_RUNNING;
        }
        if (code == ChildMain.TASK_THREW) {
            return How.THREW;
        }
        if (code == ChildMain.ORPHANED) {
            return How.ORPHANED;
        }
        return code > 128 && code < 128 + 65 ? How.KILLED_BY_SIGNAL : How.EXITED;
    }

    /** The child's name, e.g. {@code P3}. */
    public String child() {
        return child;
    }

    public long pid() {
        return pid;
    }

    /** The exit code; empty while it runs. */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    public How how() {
        return how;
    }

    /** The signal that ended it, when {@link How#KILLED_BY_SIGNAL}. */
    public OptionalInt signal() {
        return how == How.KILLED_BY_SIGNAL ? OptionalInt.of(exitCode - 128) : OptionalInt.empty();
    }

    private static String message(String child, long pid, Integer code, How how) {
        String who = "child " + child + " (pid " + pid + ")";
        return switch (how) {
            case EXITED -> who + " exited with code " + code;
            case THREW -> who + " exited with code " + code + " (its task threw)";
            case ORPHANED -> who + " exited with code " + code + " (its parent was gone)";
            case KILLED_BY_SIGNAL -> who + " ended by signal " + (code - 128)
                    + (SIGNALS.containsKey(code - 128) ? " (" + SIGNALS.get(code - 128) + ")" : "");
            case STILL_RUNNING -> who + " is still running";
        };
    }
}
