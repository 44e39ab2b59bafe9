package concurrencydemo.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** --pause on a counter: "all, or fewer?" is read in either language and graded by what the run did. */
@Timeout(10)
class PredictionTest {
    private static final Texts EN = Texts.of(Language.ENGLISH);
    private static final Texts ZH = Texts.of(Language.SIMPLIFIED_CHINESE);

    @Test
    @DisplayName("all, a, 全部 and the right number mean all; fewer, f, 更少 and a smaller number mean fewer")
    void answersInEitherLanguage() {
        for (String all : List.of("all", "A", "全部", "ａｌｌ", "200", "all.")) {
            assertThat(Prediction.ofAllOrFewer(all, 200)).get().extracting(Prediction::choice)
                    .isEqualTo(Prediction.Choice.ALL);
        }
        for (String fewer : List.of("fewer", "f", "Less", "更少", "少", "150", "0", "１５０")) {
            assertThat(Prediction.ofAllOrFewer(fewer, 200)).get().extracting(Prediction::choice)
                    .isEqualTo(Prediction.Choice.FEWER);
        }
        for (String neither : List.of("maybe", "201", "-1", "1.5", "all fewer")) {
            assertThat(Prediction.ofAllOrFewer(neither, 200)).isEmpty();
        }
    }

    @Test
    @DisplayName("fewer is right when updates were lost, all is wrong")
    void fewerIsRightWhenTheBugShowed() {
        VariantResult lost = result(Role.BUGGY, Outcome.counter(2, 1, Message.of("outcome.partSeparator"),
                Message.of("outcome.partSeparator")));
        assertThat(check(EN, answer("f", 2), lost)).containsExactly("              your guess: fewer than 2 - right, it ended with 1");
        assertThat(check(EN, answer("all", 2), lost)).containsExactly("              your guess: all 2 - wrong, it ended with 1");
        assertThat(check(EN, answer("1", 2), lost)).containsExactly(
                "              your guess: 1 (fewer than 2) - right, it ended with 1");
    }

    @Test
    @DisplayName("a buggy run that came out right: all was right this time, and the class is told the program is still buggy")
    void luckyRunSaysTheProgramIsStillBuggy() {
        VariantResult lucky = result(Role.BUGGY, Outcome.counter(2, 2, Message.of("outcome.partSeparator"),
                Message.of("outcome.partSeparator")));
        assertThat(lucky.verdict()).isEqualTo(Verdict.LUCKY);
        assertThat(check(EN, answer("all", 2), lucky)).containsExactly(
                "              your guess: all 2 - right, it ended with 2",
                "              all was right this time, but the program is still buggy: another",
                "              run can end with fewer");
        // "fewer" is the lesson's point: right about the program, though not about this run
        assertThat(String.join(" ", check(EN, answer("fewer", 2), lucky)).replaceAll(" +", " "))
                .contains("right about the program, which is buggy, though this run ended with 2").doesNotContain("wrong");
        assertThat(check(ZH, answer("全部", 2), lucky)).containsExactly(
                "              你猜 全部 2：猜对了，实际结果是 2",
                "              这次“全部”是对的，但程序仍有缺陷：再运行一次，结果可能更少");
    }

    @Test
    @DisplayName("a fixed run is graded the same way, with no word of luck")
    void fixedRunIsGradedWithoutLuck() {
        VariantResult kept = result(Role.FIXED, Outcome.counter(2, 2, Message.of("outcome.partSeparator"),
                Message.of("outcome.partSeparator")));
        assertThat(check(EN, answer("a", 2), kept)).containsExactly("              your guess: all 2 - right, it ended with 2");
    }

    @Test
    @DisplayName("a result of several parts (the Value and the Array) is graded by its first, the count asked about")
    void severalPartsGradedByTheFirst() {
        Map<String, Object> expected = new LinkedHashMap<>(Map.of("value", 200));
        expected.put("array", List.of(200.0));
        Map<String, Object> observed = new LinkedHashMap<>(Map.of("value", 112));
        observed.put("array", List.of(150.0));
        VariantResult racy = result(Role.BUGGY, new Outcome(expected, observed, false, Message.of("outcome.partSeparator")));
        assertThat(check(EN, answer("fewer", 200), racy)).containsExactly(
                "              your guess: fewer than 200 - right, it ended with 112");
    }

    @Test
    @DisplayName("a run stopped before it ended with a count is not graded")
    void stuckRunIsNotGraded() {
        VariantResult stuck = result(Role.BUGGY, Outcome.stuck(1L, 0L, Message.of("outcome.partSeparator")));
        assertThat(check(EN, answer("fewer", 1), stuck)).containsExactly(
                "              your guess: fewer than 1; the program never ended with a result");
    }

    private static Prediction answer(String typed, long all) {
        return Prediction.ofAllOrFewer(typed, all).orElseThrow();
    }

    private static List<String> check(Texts texts, Prediction guess, VariantResult r) {
        StringWriter out = new StringWriter();
        new TextReport(new PrintWriter(out), Style.PLAIN, texts).predictionCheck(guess, r);
        return out.toString().replace("\r\n", "\n").lines().toList();
    }

    private static VariantResult result(Role role, Outcome o) {
        return new VariantResult("Racy", "Racy", "x", role, o, List.of(), Duration.ZERO, Verdict.of(role, o), null);
    }
}
