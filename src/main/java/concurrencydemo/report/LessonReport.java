package concurrencydemo.report;

import java.util.List;

/**
 * The results of one lesson run, in the order the variants ran.
 *
 * @param lesson   the subcommand name, e.g. {@code race-condition}
 * @param title    one line: what the lesson is about
 * @param sections the seed's Chinese headings the lesson ports
 * @param variants    the results, in the order they ran
 * @param interrupted whether a signal stopped the lesson before its last variant finished
 */
public record LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants,
                           boolean interrupted) {

    public LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants) {
        this(lesson, title, sections, variants, false);
    }

    /** Whether every fix held and nothing failed, and the lesson ran to its end. */
    public boolean passed() {
        return !interrupted && variants.stream().noneMatch(VariantResult::failsLesson);
    }

    /** This report, marked as cut short by a signal: the variants that finished, and no more. */
    public LessonReport cutShort() {
        return new LessonReport(lesson, title, sections, variants, true);
    }
}
