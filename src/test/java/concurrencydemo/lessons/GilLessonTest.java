package concurrencydemo.lessons;

import concurrencydemo.TestTexts;
import concurrencydemo.framework.Stage;
import concurrencydemo.multiprocessing.ExternalProgram;
import concurrencydemo.multiprocessing.ExternalProgramException;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Language;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The gil lesson: the job is the same however it is split, and its words fit what was measured. */
@Timeout(120)
class GilLessonTest {
    private static final Texts ENGLISH = TestTexts.of(Language.ENGLISH);

    @Test
    @DisplayName("the job's parts add up to the primes below the limit, however many parts")
    void partsAddUpToTheJob() {
        int limit = 100_000; // 9592 primes
        for (int parts : new int[] {1, 2, 3, 7}) {
            int total = 0;
            for (int k = 0; k < parts; k++) {
                total += GilLesson.countPrimes(k, parts, limit);
            }
            assertThat(total).as("%d parts", parts).isEqualTo(9592);
        }
        assertThat(GilLesson.primesBelow(limit)).isEqualTo(9592);
    }

    @Test
    @DisplayName("the sieve that checks the counts knows the primes below the lesson's own limits")
    void sieveKnowsTheLessonsLimits() {
        assertThat(GilLesson.primesBelow(4_000_000)).isEqualTo(283_146);
        assertThat(GilLesson.primesBelow(400_000)).isEqualTo(33_860);
        assertThat(GilLesson.primesBelow(10)).isEqualTo(4);
        assertThat(GilLesson.primesBelow(2)).isZero();
    }

    /** Three rounds, each one thread then the parts, all counting {@code count}; the parts used {@code cpuNanos}. */
    private static GilLesson.Measurement measured(int count, long oneNanos, long nanos, long cpuNanos) {
        List<GilLesson.Sample> one = List.of(new GilLesson.Sample(count, oneNanos + 5_000_000, oneNanos + 5_000_000),
                new GilLesson.Sample(count, oneNanos, oneNanos), new GilLesson.Sample(count, oneNanos + 9_000_000, oneNanos));
        List<GilLesson.Sample> parallel = List.of(new GilLesson.Sample(count, nanos + 7_000_000, cpuNanos),
                new GilLesson.Sample(count, nanos + 3_000_000, cpuNanos), new GilLesson.Sample(count, nanos, cpuNanos));
        return new GilLesson.Measurement(one, parallel, -1);
    }

    @Test
    @DisplayName("a right count in every round is correct whatever the speed-up; a wrong count in any round is wrong; the fastest of each side is compared")
    void gradeFollowsTheCountNotTheTime() {
        int primes = 283_146;
        Outcome slow = GilLesson.grade("threads", 2, 2, measured(primes, 800_000_000L, 900_000_000L, 1_800_000_000L), primes);
        assertThat(slow.correct()).isTrue();
        assertThat(slow.timing().oneMillis()).isEqualTo(800);
        assertThat(slow.timing().parallelMillis()).isEqualTo(900);
        assertThat(slow.timing().coresUsed()).isEqualTo(2.0);
        assertThat(slow.timing().rounds()).isEqualTo(3);
        assertThat(ENGLISH.format(slow.explanation())).contains("did run at once");
        GilLesson.Measurement right = measured(primes, 800_000_000L, 400_000_000L, 800_000_000L);
        List<GilLesson.Sample> oneWrongRound = new java.util.ArrayList<>(right.parallel());
        oneWrongRound.set(0, new GilLesson.Sample(primes - 1, 900_000_000L, 800_000_000L)); // not the fastest
        Outcome wrong = GilLesson.grade("threads", 2, 2, new GilLesson.Measurement(right.one(), oneWrongRound, -1), primes);
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.observed()).isEqualTo(primes - 1);
        assertThat(ENGLISH.format(wrong.explanation())).contains("should count 283146 primes");
        assertThat(slow.speedup()).isNotNull();
        assertThat(slow.jsonFacts()).containsKeys("speedup", "oneMillis", "parallelMillis", "parts", "coresUsed", "rounds");
    }

    @Test
    @DisplayName("on one CPU no explanation says anything ran at once, whatever the speed-up (a slowed one-thread run makes one)")
    void oneCpuNeverClaimsParallelRunning() {
        int primes = 283_146;
        for (String kind : List.of("threads", "processes", "python.threads.gil", "python.threads.free", "python.processes")) {
            for (long nanos : new long[] {1_600_000_000L, 800_000_000L, 600_000_000L, 400_000_000L}) {
                Outcome o = GilLesson.grade(kind, 2, 1, measured(primes, 800_000_000L, nanos, nanos), primes);
                for (Texts texts : List.of(ENGLISH, TestTexts.of(Language.SIMPLIFIED_CHINESE))) {
                    String words = texts.format(o.explanation());
                    assertThat(words).as(kind + " at " + nanos).containsPattern("availableProcessors\\(\\) (is|为) 1")
                            .doesNotContainPattern("run at once|ran at once|use several CPUs|同时运行了|能同时|同时在多个");
                }
            }
        }
    }

    @Test
    @DisplayName("on two CPUs, workers that kept about one core busy are never said to have run at once: the machine was too busy to tell, or the GIL made them take turns")
    void fewCoresUsedNeverClaimParallelRunning() {
        int primes = 283_146;
        for (String kind : List.of("threads", "processes", "python.threads.gil", "python.threads.free", "python.processes")) {
            for (long nanos : new long[] {1_600_000_000L, 800_000_000L, 500_000_000L}) {
                // the parts' CPU time about equal to their wall time: one core between them
                Outcome o = GilLesson.grade(kind, 2, 2, measured(primes, 800_000_000L, nanos, nanos), primes);
                for (Texts texts : List.of(ENGLISH, TestTexts.of(Language.SIMPLIFIED_CHINESE))) {
                    String words = texts.format(o.explanation());
                    assertThat(words).as(kind + " at " + nanos).contains(texts == ENGLISH ? "1.0 cores used" : "1.0 个核心")
                            .doesNotContainPattern("did run at once|they ran at once|threads ran at once|ran the CPU-bound job"
                                    + "|确实同时运行了|它们同时运行了|线程同时运行了|同时在多个 CPU 上做");
                    if (!kind.equals("python.threads.gil")) {
                        assertThat(words).containsPattern("cannot tell|说明不了");
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("the Python half counts the same primes in threads and in processes, and says whether the GIL was on")
    void pythonCountsTheSamePrimes() throws Exception {
        assumeThat(Python.find()).withFailMessage("python3 is not on the PATH").isPresent();
        for (String mode : List.of("threads", "processes")) {
            try (Stage stage = new Stage(line -> { }, ENGLISH, null)) {
                Outcome o = GilLesson.python(stage, mode);
                assertThat(o.correct()).as(mode).isTrue();
                assertThat(o.observed()).isEqualTo(GilLesson.primesBelow(GilLesson.PYTHON_LIMIT));
                assertThat(o.speedup()).isNotNull();
                assertThat(o.extras()).containsKeys("python", "gil");
                assertThat(stage.transcript()).anyMatch(l -> l.startsWith("Python 3."));
            }
        }
    }

    @Test
    @DisplayName("a program that is not Java dies with its workspace: closing it ends a run that would take minutes")
    void externalProgramIsKilledWithItsWorkspace() throws Exception {
        assumeThat(ExternalProgram.onPath("sleep")).isPresent();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Workspace ws = Workspace.create(line -> { });
        Thread runner = new Thread(() -> {
            try {
                ExternalProgram.run(ws, List.of("sleep", "300"), Duration.ofMinutes(10));
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        runner.start();
        while (ProcessHandle.current().children().noneMatch(p -> p.info().command().orElse("").endsWith("sleep"))) {
            Thread.sleep(10);
        }
        ws.close();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(ExternalProgramException.class);
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("sleep"))
                .filter(ProcessHandle::isAlive)).isEmpty();
    }
}
