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
 * @param notices     what the lesson says before its variants (e.g. that it skipped a part), in words
 */
public record LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants,
                           boolean interrupted, String error, List<String> notices) {

    public LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants) {
        this(lesson, title, sections, variants, false, null, List.of());
    }

    public LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants,
                        boolean interrupted) {
        this(lesson, title, sections, variants, interrupted, null, List.of());
    }

    /** This report with {@code variants} instead of its own. */
    public LessonReport withVariants(List<VariantResult> variants) {
        return new LessonReport(lesson, title, sections, variants, interrupted, error, notices);
    }

    /** This report with {@code notices}. */
    public LessonReport withNotices(List<String> notices) {
        return new LessonReport(lesson, title, sections, variants, interrupted, error, List.copyOf(notices));
    }

    /** Whether every fix held and nothing failed, and the lesson ran to its end. */
    public boolean passed() {
        return !interrupted && error == null && variants.stream().noneMatch(VariantResult::failsLesson);
    }

    /** This report, marked as cut short by a signal: the variants that finished, and no more. */
    public LessonReport cutShort() {
        return new LessonReport(lesson, title, sections, variants, true, error, notices);
    }

    /** This report, marked as a lesson demo could not run, for {@code why}. */
    public LessonReport failedBy(String why) {
        return new LessonReport(lesson, title, sections, variants, interrupted, why, notices);
    }
}
