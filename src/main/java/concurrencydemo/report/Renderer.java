package concurrencydemo.report;

import java.util.List;

/**
 * What a run of lessons is shown through as it goes: {@link TextReport}, or {@link #NONE} when the
 * run ends in one JSON document and shows nothing before it. The runner calls each method at its
 * moment, whatever the renderer; each does nothing unless a renderer says otherwise.
 */
public interface Renderer {
    /** Shows nothing (for {@code --format json}). */
    Renderer NONE = new Renderer() {
    };

    /** Whether a person reads this as it comes, so that {@code --pause} can ask the class. */
    default boolean live() {
        return false;
    }

    /** Before every lesson but the first. */
    default void betweenLessons() {
    }

    /** The lesson's name, the seed's headings it ports, then its title. */
    default void lessonHeading(String lesson, String title, List<String> sections) {
    }

    /** One line of demo's about the run itself, under the lesson's heading. */
    default void notice(String line) {
    }

    /** Before a variant runs: {@code [2/4] Locked (the fix) · 使用锁处理资源竟态}. */
    default void variantHeading(int index, int count, String name, String section, Role role) {
    }

    /**
     * With {@code --pause}, before a variant runs: asks the class to predict; {@code countAsked}
     * is the right count when the question is "all of it, or fewer?", else null.
     */
    default void predictionPrompt(String question, Long countAsked) {
    }

    /** With {@code --pause}: the answer to "all, or fewer?" was neither; what it takes, before it asks again. */
    default void predictionNotUnderstood(String typed, long countAsked) {
    }

    /** With {@code --pause}: the input ended (Ctrl-D) instead of an answer; the variant runs with none. */
    default void predictionEnded() {
    }

    /** After the verdict: whether the class's prediction was what the program did. */
    default void predictionCheck(Prediction guess, VariantResult r) {
    }

    /** One line of the program's own output. */
    default void programLine(String line) {
    }

    /** A variant's verdict, after one run. */
    default void verdict(VariantResult r) {
    }

    /** A variant's verdict, after {@code --trials} runs. */
    default void trialsVerdict(VariantResult r) {
    }

    /** With {@code --trials}: the outcome histogram of a fixed variant beside the buggy ones before it. */
    default void trialsTable(List<VariantResult> results) {
    }

    /** A lesson's summary table. */
    default void summary(LessonReport report, String heading) {
    }

    /** After {@code demo all}: one line per lesson. */
    default void overall(List<LessonReport> reports) {
    }
}
