package concurrencydemo.lessons;

import concurrencydemo.TestTexts;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import concurrencydemo.framework.Stage;
import concurrencydemo.report.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ThreadsLessonTest {

    private static Stage quietStage(Duration window) {
        return new Stage(line -> { }, TestTexts.of(Language.ENGLISH), window);
    }

    @RepeatedTest(5)
    @DisplayName("joined: every thread has finished all its squares when main reports")
    void joinedThreadsAllFinish() throws Exception {
        try (Stage stage = quietStage(null)) {
            Outcome o = ThreadsLesson.squares(stage, true);
            assertThat(o.correct()).isTrue();
            assertThat(o.observed()).isEqualTo(ThreadsLesson.THREADS);
            assertThat(stage.transcript()).contains("# main: 10 of 10 threads finished, 10000 of 10000 squares computed");
        }
    }

    @Test
    @DisplayName("unjoined: main reports between 0 and 10 finished threads and never waits")
    void unjoinedReportsWithinBounds() throws Exception {
        try (Stage stage = quietStage(null)) {
            Outcome o = ThreadsLesson.squares(stage, false);
            assertThat((Integer) o.observed()).isBetween(0, ThreadsLesson.THREADS);
            assertThat(stage.transcript()).last().isEqualTo("end main");
        }
    }

    @RepeatedTest(10)
    @DisplayName("locked: two increments always end at 2")
    void lockedCounterNeverLosesUpdates() throws Exception {
        try (Stage stage = quietStage(Duration.ofMillis(5))) {
            Outcome o = ThreadsLesson.sharedValue(stage, true);
            assertThat(o.observed()).isEqualTo(2L);
            assertThat(o.correct()).isTrue();
            assertThat(stage.transcript()).containsExactly("Start value:  0", "End value: 2", "end main");
        }
    }

    @Test
    @DisplayName("racy: the end value is 1 or 2, and the verdict counts the lost updates")
    void racyCounterStaysWithinBounds() throws Exception {
        try (Stage stage = quietStage(Duration.ofMillis(5))) {
            Outcome o = ThreadsLesson.sharedValue(stage, false);
            long observed = (Long) o.observed();
            assertThat(observed).isBetween(1L, 2L);
            assertThat(o.lostUpdates()).isEqualTo(2 - observed);
        }
    }

    @Test
    @DisplayName("count++'s LUCKY words offer C2's one read and one write only on a JVM that may compile with C2")
    void luckyWordsOfferC2OnlyWhereItMayRun() throws Exception {
        assertThat(ThreadsLesson.optimisingJit(true, true, 4)).as("java's default: tiered, up to C2").isTrue();
        assertThat(ThreadsLesson.optimisingJit(true, false, 4)).as("-XX:-TieredCompilation: C2 alone").isTrue();
        assertThat(ThreadsLesson.optimisingJit(true, true, 1)).as("-XX:TieredStopAtLevel=1: C1 only").isFalse();
        assertThat(ThreadsLesson.optimisingJit(false, false, 4)).as("-Xint: no compiler").isFalse();
        try (var in = ThreadsLesson.class.getResourceAsStream("/concurrencydemo/multiprocessing/jvm.flags")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .withFailMessage("./demo's JVMs are no longer C1 only: the count++ LUCKY words assume they are")
                    .contains("-XX:TieredStopAtLevel=1");
        }
        for (Language language : Language.values()) {
            Texts texts = TestTexts.of(language);
            assertThat(texts.format("threads.count.lucky")).doesNotContain("C2").doesNotContain("JIT");
            assertThat(texts.format("threads.count.lucky.c2", ThreadsLesson.INCREMENTS)).contains("C2");
        }
    }
}
