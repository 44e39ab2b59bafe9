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
 * @param error       why demo could not run the lesson at all (its temporary files), in words; or null
 */
public record LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants,
                           boolean interrupted, String error) {

    public LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants) {
        this(lesson, title, sections, variants, false, null);
    }

    public LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants,
                        boolean interrupted) {
        this(lesson, title, sections, variants, interrupted, null);
    }

    /** Whether every fix held and nothing failed, and the lesson ran to its end. */
    public boolean passed() {
        return !interrupted && error == null && variants.stream().noneMatch(VariantResult::failsLesson);
    }

    /** This report, marked as cut short by a signal: the variants that finished, and no more. */
    public LessonReport cutShort() {
        return new LessonReport(lesson, title, sections, variants, true, error);
    }

    /** This report, marked as a lesson demo could not run, for {@code why}. */
    public LessonReport failedBy(String why) {
        return new LessonReport(lesson, title, sections, variants, interrupted, why);
    }
}
