package concurrencydemo.lessons;

import concurrencydemo.TestTexts;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import concurrencydemo.framework.Stage;
import concurrencydemo.lessons.LocksLesson.Guard;
import concurrencydemo.report.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class LocksLessonTest {

    private static Stage quietStage() {
        return new Stage(line -> { }, TestTexts.of(Language.ENGLISH), Duration.ofMillis(5));
    }

    @RepeatedTest(5)
    @DisplayName("locked by hand: both updates always count")
    void lockedByHandKeepsBothUpdates() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = LocksLesson.run(stage, Guard.BY_HAND, false);
            assertThat(o.observed()).isEqualTo(2L);
        }
    }

    @RepeatedTest(5)
    @DisplayName("context manager: the lock is released by the failing update, the other update counts")
    void contextManagerReleasesOnException() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = LocksLesson.run(stage, Guard.TRY_WITH_RESOURCES, true);
            assertThat(o.observed()).isEqualTo(1L);
            assertThat(o.correct()).isTrue();
        }
    }

    @Test
    @DisplayName("by hand with an exception: the watchdog reports the stranded thread and stops it")
    void watchdogStopsTheStrandedThread() throws Exception {
        long start = System.nanoTime();
        try (Stage stage = quietStage()) {
            Outcome o = LocksLesson.run(stage, Guard.BY_HAND, true);
            assertThat(o.correct()).isFalse();
            assertThat(o.observed()).isEqualTo(0L);
            assertThat(o.ending()).isEqualTo(Outcome.Ending.STUCK);
            assertThat(o.stuck()).isTrue();
            // the one named as waiting is the one that did not throw; the one holding the lock is the thrower
            String thrower = stage.transcript().stream().filter(l -> l.endsWith("update failed: lost the connection"
                    + " to the database")).map(l -> l.substring(0, 2)).findFirst().orElseThrow();
            String waiter = thrower.equals("T1") ? "T2" : "T1";
            assertThat(TestTexts.of(Language.ENGLISH).format(o.explanation())).startsWith(waiter + " is waiting for a ReentrantLock held by " + thrower)
                    .contains("which threw before unlock()");
            assertThat(stage.transcript()).anyMatch(line -> line.matches("# watchdog: after \\d+ms, " + waiter + " .*"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("by hand with an exception, traced: the waiting thread's request shows, never granted, and who held the lock")
    void stuckTraceShowsTheBlockedRequest() throws Exception {
        try (Stage stage = new Stage(line -> { }, TestTexts.of(Language.ENGLISH), Duration.ofMillis(5), true)) {
            LocksLesson.run(stage, Guard.BY_HAND, true);
            java.util.List<String> lines = stage.transcript();
            String thrower = lines.stream().filter(l -> l.endsWith("update failed: lost the connection to the database"))
                    .map(l -> l.substring(0, 2)).findFirst().orElseThrow();
            String waiter = thrower.equals("T1") ? "T2" : "T1";
            assertThat(lines).contains("# trace: databaseValue, every step; " + waiter + " asked for the lock and never got it")
                    .anyMatch(l -> l.startsWith("# ") && l.endsWith("asks for lock"))
                    .noneMatch(l -> l.contains("waited"))
                    .noneMatch(l -> l.contains("was lost"));
            String trace = String.join(" ", lines).replace(" # ", " ");
            assertThat(trace).contains(waiter + " was stuck waiting for the lock that " + thrower + " held: " + thrower
                    + "'s update threw before it unlocked");
        }
    }

    @RepeatedTest(3)
    @DisplayName("locked by hand, traced: both threads show in the trace")
    void lockedTraceShowsBothThreads() throws Exception {
        try (Stage stage = new Stage(line -> { }, TestTexts.of(Language.ENGLISH), Duration.ofMillis(5), true)) {
            Outcome o = LocksLesson.run(stage, Guard.BY_HAND, false);
            assertThat(o.observed()).isEqualTo(2L);
            assertThat(stage.transcript()).contains("# trace: no update of databaseValue was lost; its first two updates")
                    .anyMatch(l -> l.matches("#   time +T1 +T2"))
                    .filteredOn(l -> l.matches("#   \\+.* write \\d")).hasSize(2);
        }
    }

    @Test
    @DisplayName("unlocked: the end value stays between 1 and 2")
    void unlockedStaysWithinBounds() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = LocksLesson.run(stage, Guard.NONE, false);
            assertThat((Long) o.observed()).isBetween(1L, 2L);
        }
    }

    @Test
    @DisplayName("--processes, context manager: the failing child releases the Lock, the other child updates")
    void processContextManagerReleasesOnException() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = LocksAcrossProcesses.run(stage, Guard.TRY_WITH_RESOURCES, true);
            assertThat(o.observed()).isEqualTo(1L);
            assertThat(stage.transcript()).anyMatch(line -> line.endsWith("update failed: lost the connection to the database"));
        }
    }

    @Test
    @DisplayName("--processes, by hand with an exception: the watchdog stops the child stuck on the Lock")
    void processWatchdogStopsTheStuckChild() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = LocksAcrossProcesses.run(stage, Guard.BY_HAND, true);
            assertThat(o.correct()).isFalse();
            assertThat(o.stuck()).isTrue();
            // the process named as waiting is not the one that threw and holds the lock
            String thrower = stage.transcript().stream().filter(l -> l.endsWith("update failed: lost the connection"
                    + " to the database")).map(l -> l.substring(1, 3)).findFirst().orElseThrow();
            String waiter = thrower.equals("P1") ? "P2" : "P1";
            assertThat(TestTexts.of(Language.ENGLISH).format(o.explanation())).matches(waiter + " waited \\d+ms for the lock that " + thrower + " took.*");
        }
    }

    @Test
    @DisplayName("--processes, locked by hand: both updates count")
    void processLockedByHand() throws Exception {
        try (Stage stage = quietStage()) {
            assertThat(LocksAcrossProcesses.run(stage, Guard.BY_HAND, false).observed()).isEqualTo(2L);
        }
    }

    @Test
    @DisplayName("the update's staged failure has a type of its own: no real IllegalStateException is taken for it")
    void theStagedFailureIsNotAnIllegalStateException() {
        Database db = new Database(null);
        assertThatThrownBy(() -> LocksLesson.increaseOrFail(db, Duration.ZERO, new AtomicBoolean(true)))
                .isInstanceOf(LocksLesson.ConnectionLost.class)
                .isNotInstanceOf(IllegalStateException.class);
        assertThat(db.value).isZero();
        LocksLesson.increaseOrFail(db, Duration.ZERO, new AtomicBoolean(false));
        assertThat(db.value).isEqualTo(1);
    }
}
