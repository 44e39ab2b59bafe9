package concurrencydemo.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The verdict follows from the role and the result, never from prose. */
class VerdictTest {
    private static final Texts EN = Texts.of(Language.ENGLISH);
    private static final Outcome RIGHT = new Outcome(2L, 2L, true, Message.of("summary.yes"));
    private static final Outcome WRONG = new Outcome(2L, 1L, false, Message.of("outcome.lost", 1, 2, Message.of("summary.no")));

    @Test
    @DisplayName("a buggy variant that gives the right answer is lucky, never correct")
    void buggyAndRightIsLucky() {
        assertThat(Verdict.of(Role.BUGGY, RIGHT)).isEqualTo(Verdict.LUCKY);
        VariantResult r = result(Role.BUGGY, RIGHT, Verdict.LUCKY);
        assertThat(r.asExpected()).isFalse();
        assertThat(r.failsLesson()).isFalse();
        String text = render(r);
        assertThat(text).contains("=> LUCKY", "right this time, still buggy").doesNotContain("CORRECT");
    }

    @Test
    @DisplayName("a buggy variant that gives a wrong answer is wrong: the bug showed, as the lesson expects")
    void buggyAndWrongIsWrong() {
        assertThat(Verdict.of(Role.BUGGY, WRONG)).isEqualTo(Verdict.WRONG);
        VariantResult r = result(Role.BUGGY, WRONG, Verdict.WRONG);
        assertThat(r.asExpected()).isTrue();
        assertThat(r.failsLesson()).isFalse();
        assertThat(render(r)).contains("=> WRONG", "the bug showed");
    }

    @Test
    @DisplayName("a fixed variant is correct when right, and wrong (failing the lesson) when not")
    void fixedVariants() {
        assertThat(Verdict.of(Role.FIXED, RIGHT)).isEqualTo(Verdict.CORRECT);
        assertThat(Verdict.of(Role.FIXED, WRONG)).isEqualTo(Verdict.WRONG);
        assertThat(result(Role.FIXED, WRONG, Verdict.WRONG).failsLesson()).isTrue();
        assertThat(render(result(Role.FIXED, WRONG, Verdict.WRONG))).contains("the fix did not hold");
    }

    @Test
    @DisplayName("a program stopped by a watchdog is stuck, whatever its role")
    void stoppedIsStuck() {
        Outcome stuck = Outcome.stuck(1L, 0L, Message.of("thread.waitingForHeld", "T2", "ReentrantLock", "T1"));
        assertThat(Verdict.of(Role.BUGGY, stuck)).isEqualTo(Verdict.STUCK);
        assertThat(Verdict.of(Role.FIXED, stuck)).isEqualTo(Verdict.STUCK);
        assertThat(result(Role.BUGGY, stuck, Verdict.STUCK).asExpected()).isTrue();
        assertThat(result(Role.FIXED, stuck, Verdict.STUCK).failsLesson()).isTrue();
    }

    @Test
    @DisplayName("a program a time bound stopped is stuck, but a buggy one did not show its bug")
    void timedOutIsStuckButNoBug() {
        Outcome slow = Outcome.timedOut(1L, 0L, Message.of("summary.no"));
        assertThat(slow.stuck()).isTrue();
        assertThat(slow.timedOut()).isTrue();
        assertThat(Verdict.of(Role.BUGGY, slow)).isEqualTo(Verdict.STUCK);
        assertThat(result(Role.BUGGY, slow, Verdict.STUCK).asExpected()).isFalse();
        assertThat(Outcome.stuck(1L, 0L, Message.of("summary.no")).timedOut()).isFalse();
        assertThat(RIGHT.stuck()).isFalse();
    }

    @Test
    @DisplayName("the typed facts fill the variant's JSON fields; an extra cannot take one of their names")
    void factsAreTypedAndExtrasOnlyForJson() {
        assertThat(Outcome.timedOut(null, null, Message.of("summary.no")).jsonFacts())
                .containsExactly(entry("stuck", true), entry("timedOut", true));
        assertThat(Outcome.stuck(null, null, Message.of("summary.no")).jsonFacts())
                .containsExactly(entry("stuck", true), entry("timedOut", false));
        Outcome measured = RIGHT.withLostUpdates(0).withSpeedup(1.5, new Outcome.Timing(30, 20, 2))
                .withTrialKey("1.5x").withExtra("python", "3.12");
        assertThat(measured.jsonFacts()).containsExactly(entry("lostUpdates", 0L), entry("speedup", 1.5),
                entry("oneMillis", 30L), entry("parallelMillis", 20L), entry("parts", 2), entry("rounds", 1),
                entry("key", "1.5x"),
                entry("python", "3.12"));
        assertThat(RIGHT.jsonFacts()).isEmpty();
        assertThatThrownBy(() -> RIGHT.withExtra("stuck", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RIGHT.withExtra("timedOut", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("JSON carries role and verdict in exactly the documented words")
    void jsonWords() {
        String json = JsonReport.lesson(new LessonReport("x", "t", List.of(), List.of(
                result(Role.BUGGY, RIGHT, Verdict.LUCKY), result(Role.FIXED, RIGHT, Verdict.CORRECT))), EN);
        assertThat(json).contains("\"role\": \"buggy\"", "\"verdict\": \"lucky\"", "\"role\": \"fixed\"",
                "\"verdict\": \"correct\"", "\"correct\": true", "\"lang\": \"en\"");
        String chinese = JsonReport.lesson(new LessonReport("x", "t", List.of(), List.of(
                result(Role.BUGGY, RIGHT, Verdict.LUCKY))), Texts.of(Language.SIMPLIFIED_CHINESE));
        assertThat(chinese).withFailMessage("JSON words are the same in every language")
                .contains("\"lang\": \"zh-CN\"", "\"role\": \"buggy\"", "\"verdict\": \"lucky\"");
    }

    private static VariantResult result(Role role, Outcome o, Verdict v) {
        return new VariantResult("V", "V", "section", role, o, List.of(), Duration.ofMillis(1), v, null);
    }

    private static String render(VariantResult r) {
        StringWriter w = new StringWriter();
        new TextReport(new PrintWriter(w), Style.PLAIN, EN).verdict(r);
        return w.toString();
    }
}
