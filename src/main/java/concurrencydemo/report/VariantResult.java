package concurrencydemo.report;

import java.time.Duration;
import java.util.List;

/**
 * One variant's run, ready to render.
 *
 * @param name       the variant's name, as the lesson's code and JSON know it ({@code Racy})
 * @param label      its name in the reader's language
 * @param section    the seed section it ports
 * @param role       what the variant is in its lesson: the bug or the fix
 * @param outcome    what it produced, graded
 * @param transcript the lines the program printed
 * @param elapsed    wall time of the run
 * @param verdict    the verdict, from the role and the outcome
 * @param trials     with {@code --trials}: the outcomes of all trials; else null
 */
public record VariantResult(String name, String label, String section, Role role, Outcome outcome, List<String> transcript,
                            Duration elapsed, Verdict verdict, TrialsResult trials) {

    /** Whether this run makes the lesson fail (exit code 1): a fix that did not hold, or a crash. */
    public boolean failsLesson() {
        return verdict == Verdict.FAILED || verdict == Verdict.INTERRUPTED
                || (role != Role.BUGGY && verdict != Verdict.CORRECT);
    }

    /**
     * Whether the variant did what its lesson expects: a fix was right; a bug showed (a wrong
     * answer, or a program that never finished).
     */
    public boolean asExpected() {
        // stuck counts as the bug showing only when the lesson's own watchdog caught its liveness
        // bug; a variant that ran past demo's time bound was slow or stopped, not buggy
        return role != Role.BUGGY ? verdict == Verdict.CORRECT
                : verdict == Verdict.WRONG || verdict == Verdict.STUCK && !outcome.timedOut();
    }
}
