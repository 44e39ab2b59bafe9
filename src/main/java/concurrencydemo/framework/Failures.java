package concurrencydemo.framework;

import concurrencydemo.multiprocessing.ChildFailedException;

/**
 * Words for students: what the runtime's typed exceptions mean, in one sentence each. The runtime
 * throws facts (which child, which pid, how it ended); this is where they become sentences.
 */
public final class Failures {
    private Failures() {
    }

    /** One line for a student on why a program failed. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof ChildFailedException) {
            return message;
        }
        String type = t.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }
}
