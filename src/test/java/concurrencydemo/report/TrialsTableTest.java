package concurrencydemo.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trials table and verdict line speak the verdict model: a right answer from the bug is lucky, no answer is stuck. */
class TrialsTableTest {
    private static final Texts EN = Texts.of(Language.ENGLISH);

    @Test
    @DisplayName("a right answer has a correct row for the fix and a lucky row for the bug; a wrong one a wrong row")
    void rightAnswersAreCorrectFromTheFixAndLuckyFromTheBug() {
        VariantResult racy = result("Racy", Role.BUGGY, Verdict.WRONG, outcomes(3, right(), 1, wrong(1)));
        VariantResult locked = result("Locked", Role.FIXED, Verdict.CORRECT, outcomes(4, right()));
        List<String> lines = table(List.of(racy, locked));
        assertThat(lines).anyMatch(l -> l.matches("\\s*2\\s+correct\\s+0\\s+0\\.0%\\s+4 100\\.0% [█#]+\\s*"));
        assertThat(lines).anyMatch(l -> l.matches("\\s*2\\s+lucky\\s+3\\s+75\\.0% [█#]+\\s+0\\s+0\\.0%\\s*"));
        assertThat(lines).anyMatch(l -> l.matches("\\s*1\\s+wrong\\s+1\\s+25\\.0% [█#]+\\s+0\\s+0\\.0%\\s*"));
        assertThat(lines).noneMatch(l -> l.contains("stuck"));
    }

    @Test
    @DisplayName("a trial that never ended is counted stuck, not wrong: its own row, its own total, its own verdict line")
    void stuckTrialsAreNotWrong() {
        VariantResult forgot = result("Forgot", Role.BUGGY, Verdict.STUCK, outcomes(5, stuck()));
        VariantResult joined = result("Joined", Role.FIXED, Verdict.CORRECT, outcomes(5, right()));
        assertThat(forgot.trials().stuck()).isEqualTo(5);
        assertThat(forgot.trials().wrong()).isZero();
        List<String> lines = table(List.of(forgot, joined));
        assertThat(lines).anyMatch(l -> l.matches("\\s*\\(no result\\)\\s+stuck\\s+5 100\\.0% [█#]+\\s+0\\s+0\\.0%\\s*"));
        assertThat(lines).anyMatch(l -> l.matches("\\s*wrong\\s+0\\s+0\\.0%\\s+0\\s+0\\.0%\\s*"));
        assertThat(lines).anyMatch(l -> l.matches("\\s*stuck\\s+5 100\\.0%\\s+0\\s+0\\.0%\\s*"));
        StringWriter w = new StringWriter();
        new TextReport(new PrintWriter(w), Style.PLAIN, EN).trialsVerdict(forgot);
        assertThat(w.toString()).contains("stuck in 5 of 5 trials (100.0%), wrong in 0").doesNotContain("wrong in 5");
    }

    @Test
    @DisplayName("a lucky row sits right under the correct row of the same answer, and is never cut while that row is shown")
    void luckyRowStaysWithItsCorrectRow() {
        List<Object> many = new ArrayList<>(List.of(1, right()));
        for (int v = 10; v < 19; v++) {
            many.add(3);
            many.add(wrong(v)); // nine wrong answers, each more often than the lucky one
        }
        VariantResult racy = result("Racy", Role.BUGGY, Verdict.WRONG, outcomes(many.toArray()));
        VariantResult locked = result("Locked", Role.FIXED, Verdict.CORRECT, outcomes(28, right()));
        List<String> lines = table(List.of(racy, locked));
        int correct = indexOf(lines, "\\s*2\\s+correct\\s.*");
        assertThat(correct).isPositive();
        assertThat(lines.get(correct + 1)).matches("\\s*2\\s+lucky\\s+1\\s.*");
        assertThat(lines).anyMatch(l -> l.contains("more"));
        // the wrong outcomes after them, in the order first seen when as often
        assertThat(lines.get(correct + 2)).matches("\\s*10\\s+wrong\\s.*");
    }

    private static int indexOf(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }

    private static Outcome right() {
        return Outcome.compare(2, 2, Message.of("x"), Message.of("x"));
    }

    private static Outcome wrong(int value) {
        return Outcome.compare(2, value, Message.of("x"), Message.of("x"));
    }

    private static Outcome stuck() {
        return Outcome.stuck(20, null, Message.of("x"));
    }

    /** {@code n} times the outcome after it, for each pair. */
    private static List<Outcome> outcomes(Object... countsAndOutcomes) {
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < countsAndOutcomes.length; i += 2) {
            for (int k = 0; k < (int) countsAndOutcomes[i]; k++) {
                all.add((Outcome) countsAndOutcomes[i + 1]);
            }
        }
        return all;
    }

    private static VariantResult result(String name, Role role, Verdict verdict, List<Outcome> outcomes) {
        return new VariantResult(name, name, "section", role, outcomes.get(0), List.of(), Duration.ofMillis(1), verdict,
                TrialsResult.of(outcomes, Duration.ofMillis(10)));
    }

    private static List<String> table(List<VariantResult> results) {
        StringWriter w = new StringWriter();
        new TextReport(new PrintWriter(w), Style.PLAIN, EN).trialsTable(results);
        return w.toString().lines().toList();
    }
}
