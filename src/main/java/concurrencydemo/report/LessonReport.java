package concurrencydemo.report;

import java.util.List;

/**
 * The results of one lesson run, in the order the variants ran.
 *
 * @param lesson   the subcommand name, e.g. {@code race-condition}
 * @param title    one line: what the lesson is about
 * @param sections the seed's Chinese headings the lesson ports
 * @param variants the results, racy first
 */
public record LessonReport(String lesson, String title, List<String> sections, List<VariantResult> variants) {

    /** Whether every variant that must hold held and none failed. */
    public boolean passed() {
        return variants.stream().noneMatch(VariantResult::failsLesson);
    }
}
