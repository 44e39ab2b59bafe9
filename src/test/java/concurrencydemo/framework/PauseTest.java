package concurrencydemo.framework;

import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Prediction;
import concurrencydemo.report.Style;
import concurrencydemo.report.TextReport;
import concurrencydemo.report.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/** --pause reads an answer: "all, or fewer?" asks again until it gets one; Enter or Ctrl-D runs with none. */
@Timeout(10)
class PauseTest {
    private static final Texts EN = Texts.of(Language.ENGLISH);
    private static final Section SECTION = Seed.LOCK_THREADS;

    private final StringWriter shown = new StringWriter();
    private final TextReport view = new TextReport(new PrintWriter(shown), Style.PLAIN, EN);

    private static Variant counter() {
        return Variant.buggy("Racy", "variant.question", SECTION, stage -> Outcome.counter(2, 1, null, null))
                .askingAllOrFewer(Message.of("variant.question"), 200);
    }

    @Test
    @DisplayName("an answer that is neither all, fewer nor a number up to the count is asked again, saying what is taken")
    void badInputIsAskedAgain() {
        Prediction p = Runner.ask(view, EN, counter(), lines("maybe", "300", "全部"));
        assertThat(p.choice()).isEqualTo(Prediction.Choice.ALL);
        String text = shown.toString();
        assertThat(text).contains("\"maybe\" is not an answer here: type all (or a), fewer (or f), or a number",
                "\"300\" is not an answer here");
        assertThat(text.split("\\? What will it end with\\?", -1)).hasSize(4); // asked three times
    }

    @Test
    @DisplayName("the end of input (Ctrl-D) runs the variant with no answer, on a line of its own, and asks nothing more")
    void endOfInputRunsWithNoAnswer() {
        boolean[] told = {false};
        Prediction p = Runner.ask(view, EN, counter(), lines(), () -> told[0] = true); // readLine gives null
        assertThat(p).isNull();
        assertThat(told[0]).as("the run is told to ask nothing more").isTrue();
        assertThat(shown.toString()).endsWith(
                "just Enter runs it: \n    (end of input: running it with no answer, and asking nothing more)\n");
    }

    @Test
    @DisplayName("after the end of input, --pause asks nothing more in that run")
    void endOfInputEndsThePauses() {
        LessonOptions options = new LessonOptions();
        options.pause = true;
        assertThat(options.pause()).isTrue();
        options.inputEnded();
        assertThat(options.pause()).isFalse();
    }

    @Test
    @DisplayName("just Enter runs it with no answer; a free question takes any text")
    void enterAndFreeGuesses() {
        assertThat(Runner.ask(view, EN, counter(), lines(""))).isNull();
        Variant free = Variant.fixed("Joined", "variant.question", SECTION, stage -> null);
        assertThat(Runner.ask(view, EN, free, lines("[0, 1, 8]")).typed()).isEqualTo("[0, 1, 8]");
    }

    private static java.util.function.Supplier<String> lines(String... lines) {
        Deque<String> left = new ArrayDeque<>(Arrays.asList(lines));
        return () -> left.isEmpty() ? null : left.poll();
    }
}
