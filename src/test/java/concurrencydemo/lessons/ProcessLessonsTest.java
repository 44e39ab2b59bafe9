package concurrencydemo.lessons;

import concurrencydemo.TestTexts;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import concurrencydemo.framework.Stage;
import concurrencydemo.multiprocessing.ExternalProgramException;
import concurrencydemo.report.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(60)
class ProcessLessonsTest {

    private static Stage quietStage() {
        return new Stage(line -> { }, TestTexts.of(Language.ENGLISH), null);
    }

    @Test
    @DisplayName("race-condition, locked: Value at end is 200 and Array at end [200.0, 300.0, 400.0]")
    void lockedProcessesNeverLoseUpdates() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = RaceConditionLesson.run(stage, true);
            assertThat(o.correct()).isTrue();
            assertThat(stage.transcript()).containsExactly("Value at beginning: 0",
                    "Array at beginning: [0.0, 100.0, 200.0]", "Value at end: 200",
                    "Array at end: [200.0, 300.0, 400.0]", "end main");
        }
    }

    @Test
    @DisplayName("race-condition, racy: every shared number ends between its start and its right end")
    void racyProcessesStayWithinBounds() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = RaceConditionLesson.run(stage, false);
            @SuppressWarnings("unchecked")
            Map<String, Object> observed = (Map<String, Object>) o.observed();
            assertThat((Integer) observed.get("value")).isBetween(1, 200);
            @SuppressWarnings("unchecked")
            List<Double> array = (List<Double>) observed.get("array");
            assertThat(array.get(0)).isBetween(1.0, 200.0);
            assertThat(array.get(2)).isBetween(201.0, 400.0);
            assertThat(o.lostUpdates()).isBetween(0L, 799L);
        }
    }

    @Test
    @DisplayName("processes, joined: every child has exited 0 and done all its squares when main reports")
    void joinedProcessesAllFinish() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = ProcessesLesson.run(stage, true);
            int n = Runtime.getRuntime().availableProcessors();
            assertThat(o.observed()).isEqualTo(n);
            assertThat(stage.transcript()).anyMatch(l -> l.startsWith("# main: " + n + " of " + n
                    + " processes finished, " + n * ProcessesLesson.SQUARES + " of "));
        }
    }

    @Test
    @DisplayName("processes, main guard: under spawn, every guarded child runs its target and no unguarded one does")
    void mainGuardDecidesWhetherSpawnedChildrenRun() throws Exception {
        assumeTrue(Python.find().isPresent(), "python3 is not on the PATH");
        int n = Runtime.getRuntime().availableProcessors();
        try (Stage stage = quietStage()) {
            Outcome guarded = ProcessesLesson.mainGuard(stage, true);
            assertThat(guarded.correct()).isTrue();
            assertThat(guarded.observed()).isEqualTo(n);
        }
        try (Stage stage = quietStage()) {
            // not a race: a spawned child always runs the unguarded start() while it is starting
            Outcome unguarded = ProcessesLesson.mainGuard(stage, false);
            assertThat(unguarded.observed()).isEqualTo(0);
            assertThat(stage.transcript()).contains("[each child] RuntimeError:")
                    .contains("the children's exit codes: " + java.util.Collections.nCopies(n, 1));
        }
    }

    @Test
    @DisplayName("processes, main guard: the script's line is read strictly; anything else is another program's output")
    void exitCodesAreReadStrictly() {
        assertThat(ProcessesLesson.exitCodes("{\"exitcodes\": [0, 1]}\n", 2)).containsExactly(0, 1);
        assertThat(ProcessesLesson.exitCodes("{\"exitcodes\": [-9]}", 1)).containsExactly(-9);
        for (String other : List.of("", "hello", "{\"exitcodes\": [0]}", "{\"exitcodes\": [0, x]}",
                "{\"exitcodes\": [99999999999, 0]}")) {
            assertThatThrownBy(() -> ProcessesLesson.exitCodes(other, 2)).as(other)
                    .isInstanceOf(ExternalProgramException.class);
        }
    }

    @Test
    @DisplayName("queues, queued: all ten items arrive, each producer's in order")
    void queueDeliversEverything() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = QueuesLesson.producers(stage);
            assertThat(o.correct()).isTrue();
            assertThat(o.observed()).isEqualTo(10);
        }
    }

    @Test
    @DisplayName("queues, drained, then joined: all 40,000 numbers arrive through the pipes, each producer's in order")
    void drainingFirstGetsEverything() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = QueuesLesson.throughPipes(stage, true);
            assertThat(o.correct()).isTrue();
            assertThat(o.observed()).isEqualTo(2 * QueuesLesson.PIPE_ITEMS);
            assertThat(o.extras()).containsEntry("complete", true);
            assertThat(stage.transcript()).containsExactly("P1: 20000 numbers read", "P2: 20000 numbers read", "end main");
        }
    }

    @Test
    @DisplayName("queues, joined, then drained: more than a pipe holds, so join() never returns and the watchdog calls it stuck")
    void joiningBeforeDrainingIsStuck() throws Exception {
        long start = System.nanoTime();
        try (Stage stage = quietStage()) {
            Outcome o = QueuesLesson.throughPipes(stage, false);
            assertThat(o.stuck()).isTrue();
            assertThat(o.observed()).isNull();
            assertThat(stage.transcript()).noneMatch(l -> l.equals("end main"))
                    .anyMatch(l -> l.equals("# watchdog: after 1s, P1 waits for room in its pipe; stopping it"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @DisplayName("queues, joined: main is done only after all 20 items are processed")
    void joinableQueueWaitsForAllItems() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = QueuesLesson.workers(stage, QueuesLesson.Join.JOIN);
            assertThat(o.observed()).isEqualTo(20);
            assertThat(stage.transcript()).hasSize(21).last().isEqualTo("main done");
        }
    }

    @Test
    @DisplayName("pools, Pool.map: [0, 1, 8, ..., 729] in order, and apply and the async forms agree")
    void poolMapIsOrdered() throws Exception {
        try (Stage stage = quietStage()) {
            Outcome o = PoolsLesson.pooled(stage);
            assertThat(o.correct()).isTrue();
            assertThat(o.observed()).isEqualTo(List.of(0L, 1L, 8L, 27L, 64L, 125L, 216L, 343L, 512L, 729L));
        }
    }

    @Test
    @DisplayName("pools, global list: main's list stays empty, since each worker process appends to its own copy")
    void globalListStaysEmptyInMain() throws Exception {
        try (Stage stage = new Stage(line -> { }, TestTexts.of(Language.ENGLISH), null)) {
            Outcome o = PoolsLesson.globalList(stage);
            assertThat((List<?>) o.observed()).isEmpty();
            assertThat(o.correct()).isFalse();
            assertThat(o.lostUpdates()).as("nothing was lost: the results never came back").isNull();
        }
    }

    @Test
    @DisplayName("processes, static field: main's copy stays 0 while each child counts its own")
    void staticFieldIsNotShared() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Stage stage = new Stage(lines::add, TestTexts.of(Language.ENGLISH), null)) {
            Outcome o = ProcessesLesson.staticField(stage);
            assertThat(o.observed()).isEqualTo(0);
            assertThat(lines).contains("squaresCounted in main: 0")
                    .anyMatch(l -> l.matches("\\[P1\\] squaresCounted in this process: 1000"));
        }
    }

    @Test
    @DisplayName("queues, forgot task_done: q.join() never returns, and the watchdog reports it stuck within its bound")
    void forgottenTaskDoneIsStuck() throws Exception {
        long start = System.nanoTime();
        try (Stage stage = new Stage(line -> { }, TestTexts.of(Language.ENGLISH), null)) {
            Outcome o = QueuesLesson.workers(stage, QueuesLesson.Join.NO_TASK_DONE);
            assertThat(o.stuck()).isTrue();
            assertThat(stage.transcript()).noneMatch(l -> l.equals("main done"))
                    .anyMatch(l -> l.startsWith("# watchdog: after 1s, main is still waiting in q.join()"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
