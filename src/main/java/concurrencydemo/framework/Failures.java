package concurrencydemo.framework;

import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.multiprocessing.ChildStartException;
import concurrencydemo.multiprocessing.FrameTooLargeException;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.UnserializableException;
import concurrencydemo.multiprocessing.WorkspaceException;

/**
 * Words for students: what the runtime's typed exceptions mean, one sentence each. The runtime
 * throws facts (which child, which pid, how it ended, which path and why); this is where they
 * become sentences.
 */
public final class Failures {
    private Failures() {
    }

    /** One line for a student on why a program failed. */
    public static String describe(Throwable t) {
        return describe(t, false);
    }

    /**
     * As {@link #describe(Throwable)}; {@code outputShown}: whether what the program printed was
     * shown (not with {@code --trials} or JSON), so that a sentence may point to it.
     */
    public static String describe(Throwable t, boolean outputShown) {
        if (t instanceof ChildFailedException child) {
            return describe(child, outputShown);
        }
        if (t instanceof Pool.WorkerDiedException lost) {
            return switch (lost.reason()) {
                case WORKER_DIED -> "a pool worker died while running a job: "
                        + lost.worker().map(w -> describe(w, outputShown)).orElse("it ended");
                case TERMINATED -> "the pool was terminated before the job finished";
                case NO_LIVE_WORKER -> "every worker of the pool had ended, so no worker could take the job";
            };
        }
        if (t instanceof WorkspaceException ws) {
            return describe(ws);
        }
        if (t instanceof FrameTooLargeException big) {
            return big.what() + " is too large to send to another process: " + big.size() / (1024 * 1024)
                    + " MiB, more than the " + big.limit() / (1024 * 1024) + " MiB demo allows";
        }
        if (t instanceof Pool.ProtocolException garbled) {
            return "pool worker " + garbled.worker() + " (pid " + garbled.pid() + ") sent back something that is"
                    + " not a reply, so demo stopped it";
        }
        if (t instanceof ChildStartException refused) {
            return "the system would not start child process " + refused.child() + ": " + refused.reason()
                    + " (too many processes or open files? see ulimit)";
        }
        if (t instanceof UnserializableException u) {
            return "an object sent to another process cannot be serialized: " + u.offendingClass()
                    + " is not Serializable (a lambda sent to a child may capture only serializable values)";
        }
        String message = t.getMessage();
        String type = t.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }

    /** A child that ended badly, in words: {@code P1 (pid 1234) was killed (SIGKILL)}. */
    static String describe(ChildFailedException e, boolean outputShown) {
        String who = e.child() + " (pid " + e.pid() + ")";
        return who + switch (e.how()) {
            case THREW -> " failed: its task threw an exception" + (outputShown ? " (its output is above)" : "");
            case ORPHANED -> " exited because its parent had gone";
            case KILLED_BY_SIGNAL -> switch (e.signal().getAsInt()) {
                case 9 -> " was killed (SIGKILL)";
                case 15 -> " was terminated (SIGTERM)";
                case 2 -> " was interrupted (SIGINT)";
                case 1 -> " was hung up (SIGHUP)";
                default -> " died of signal " + e.signal().getAsInt();
            };
            case EXITED -> e.exitCode().getAsInt() == 1
                    ? " exited 1 before its task ran: its JVM could not start it (were demo's classes deleted,"
                            + " by a rebuild or 'mvn clean'?)"
                    : " exited " + e.exitCode().getAsInt();
            case STILL_RUNNING -> " is still running";
        };
    }

    /** Demo could not make or use its temporary files: where, and why, and what to do. */
    static String describe(WorkspaceException e) {
        String where = switch (e.operation()) {
            case CREATE_DIRECTORY -> "cannot make demo's temporary directory in " + e.path();
            case CREATE_FILE -> "cannot create the temporary file " + e.path();
            case MAP_FILE -> "cannot map the shared-memory file " + e.path();
            case BIND_SOCKET -> "cannot open the queue's socket " + e.path();
        };
        return where + ": " + e.reason() + " (set TMPDIR to a writable directory with free space)";
    }
}
