package concurrencydemo.framework;

import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.multiprocessing.ChildStartException;
import concurrencydemo.multiprocessing.ExternalProgramException;
import concurrencydemo.multiprocessing.FrameTooLargeException;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.UnserializableException;
import concurrencydemo.multiprocessing.WorkspaceException;
import concurrencydemo.report.Message;

/**
 * Words for students: what the runtime's typed exceptions mean, one sentence each. The runtime
 * throws facts (which child, which pid, how it ended, which path and why); this is where they
 * become sentences.
 */
public final class Failures {
    private Failures() {
    }

    /** One line for a student on why a program failed. */
    public static Message describe(Throwable t) {
        return describe(t, false);
    }

    /**
     * As {@link #describe(Throwable)}; {@code outputShown}: whether what the program printed was
     * shown (not with {@code --trials} or JSON), so that a sentence may point to it.
     */
    public static Message describe(Throwable t, boolean outputShown) {
        if (t instanceof ChildFailedException child) {
            return describe(child, outputShown);
        }
        if (t instanceof Pool.WorkerDiedException lost) {
            return switch (lost.reason()) {
                case WORKER_DIED -> Message.of("failure.workerDied",
                        lost.worker().map(w -> describe(w, outputShown)).orElse(Message.of("failure.itEnded")));
                case TERMINATED -> Message.of("failure.poolTerminated");
                case NO_LIVE_WORKER -> Message.of("failure.noLiveWorker");
            };
        }
        if (t instanceof WorkspaceException ws) {
            return describe(ws);
        }
        if (t instanceof FrameTooLargeException big) {
            return Message.of("failure.tooLarge", big.what(), big.size() / (1024 * 1024), big.limit() / (1024 * 1024));
        }
        if (t instanceof Pool.ProtocolException garbled) {
            return Message.of("failure.protocol", garbled.worker(), garbled.pid());
        }
        if (t instanceof ChildStartException refused) {
            return Message.of("failure.childStart", refused.child(), refused.reason());
        }
        if (t instanceof ExternalProgramException ended) {
            return ended.unreadable() ? Message.of("failure.externalOutput", ended.program())
                    : Message.of("failure.external", ended.program(), ended.exitCode(), ended.reason());
        }
        if (t instanceof UnserializableException u) {
            return Message.of("failure.unserializable", u.offendingClass());
        }
        String message = t.getMessage();
        String type = t.getClass().getSimpleName();
        return Message.of("failure.exception", message == null ? type : type + ": " + message);
    }

    /** A child that ended badly, in words: {@code P1 (pid 1234) was killed (SIGKILL)}. */
    static Message describe(ChildFailedException e, boolean outputShown) {
        return switch (e.how()) {
            case THREW -> Message.of(outputShown ? "failure.child.threwAbove" : "failure.child.threw", e.child(), e.pid());
            case ORPHANED -> Message.of("failure.child.orphaned", e.child(), e.pid());
            case KILLED_BY_SIGNAL -> switch (e.signal().getAsInt()) {
                case 9 -> Message.of("failure.child.sigkill", e.child(), e.pid());
                case 15 -> Message.of("failure.child.sigterm", e.child(), e.pid());
                case 2 -> Message.of("failure.child.sigint", e.child(), e.pid());
                case 1 -> Message.of("failure.child.sighup", e.child(), e.pid());
                default -> Message.of("failure.child.signal", e.child(), e.pid(), e.signal().getAsInt());
            };
            case EXITED -> e.exitCode().getAsInt() == 1
                    ? Message.of("failure.child.couldNotStart", e.child(), e.pid())
                    : Message.of("failure.child.exited", e.child(), e.pid(), e.exitCode().getAsInt());
            case STILL_RUNNING -> Message.of("failure.child.stillRunning", e.child(), e.pid());
        };
    }

    /** Demo could not make or use its temporary files: where, and why, and what to do. */
    static Message describe(WorkspaceException e) {
        String where = switch (e.operation()) {
            case CREATE_DIRECTORY -> "failure.workspace.directory";
            case CREATE_FILE -> "failure.workspace.file";
            case MAP_FILE -> "failure.workspace.map";
            case BIND_SOCKET -> "failure.workspace.socket";
        };
        return Message.of(where, e.path(), e.reason());
    }
}
