package concurrencydemo.report;

import java.time.Duration;
import java.util.List;

/**
 * One variant's run, ready to render.
 *
 * @param name         the variant's name
 * @param section      the seed section it ports
 * @param synchronised whether it uses the lesson's synchronisation
 * @param mustHold     whether a wrong result is demo's own failure
 * @param outcome      what it produced, graded
 * @param transcript   the lines the program printed
 * @param elapsed      wall time of the run
 * @param status       the verdict in one word
 * @param trials       with {@code --trials}: the outcomes of all trials; else null
 */
public record VariantResult(String name, String section, boolean synchronised, boolean mustHold,
                            Outcome outcome, List<String> transcript, Duration elapsed, Status status,
                            TrialsResult trials) {

    /** The verdict on one run. */
    public enum Status {
        /** Right result. */
        CORRECT,
        /** Wrong result from a variant expected to go wrong: the lesson worked. */
        DIVERGED,
        /** Wrong result from a variant that must hold: demo itself failed. */
        BROKEN,
        /** Did not finish within its time bound; cleaned up. */
        STUCK,
        /** Threw an exception demo did not expect. */
        FAILED,
        /** Stopped by the user (Ctrl-C, SIGTERM) before it finished. */
        INTERRUPTED;

        public String word() {
            return name();
        }
    }

    public static Status grade(boolean correct, boolean mustHold) {
        if (correct) {
            return Status.CORRECT;
        }
        return mustHold ? Status.BROKEN : Status.DIVERGED;
    }

    /** Whether this run makes the lesson fail (exit code 1). */
    public boolean failsLesson() {
        return status == Status.FAILED || status == Status.INTERRUPTED || (mustHold && status != Status.CORRECT);
    }
}
