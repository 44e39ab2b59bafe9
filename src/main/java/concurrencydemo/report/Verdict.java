package concurrencydemo.report;

import java.util.Locale;

/**
 * The verdict on one variant's run (or its trials), which follows from its {@link Role} and its
 * result, never from prose. A buggy variant is never {@link #CORRECT}: when it gives the right
 * answer it was {@link #LUCKY}.
 */
public enum Verdict {
    /** A wrong answer: from a buggy program, the bug showed; from a fixed one, demo itself is broken. */
    WRONG,
    /** A buggy program gave the right answer this time; it is still buggy. */
    LUCKY,
    /** A fixed program gave the right answer. */
    CORRECT,
    /** It did not finish within its bound: a liveness failure (a lock never released, a join never returning). */
    STUCK,
    /** It crashed: an exception demo did not expect. */
    FAILED,
    /** The user stopped it (Ctrl-C, a signal) before it finished. */
    INTERRUPTED;

    /** The word for JSON and tables: {@code wrong}, {@code lucky}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict on a finished run: from the role and the graded outcome. */
    public static Verdict of(Role role, Outcome outcome) {
        if (outcome.stuck()) {
            return STUCK;
        }
        if (outcome.correct()) {
            return role == Role.BUGGY ? LUCKY : CORRECT;
        }
        return WRONG;
    }
}
