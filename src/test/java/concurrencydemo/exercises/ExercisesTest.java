package concurrencydemo.exercises;

import concurrencydemo.framework.Seed;
import concurrencydemo.report.Language;
import concurrencydemo.Leftovers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every exercise's grading, by checking real files: the starter fails, the reference solution
 * passes, and so does another correct mechanism; a hard-coded answer and a "fix" that runs the
 * workers one after another fail; a program that hangs is reported stuck, with where it waited.
 * The fixtures are in {@code src/test/resources/exercises/<name>/<kind>/}. A passing check here
 * makes two runs (the command makes the exercise's own number; bench/run counts them over many
 * checks); a failing one stops at its first wrong run.
 */
@Timeout(90)
class ExercisesTest {
    /*
     * Each check is marked @Execution(CONCURRENT): they mostly wait (JVMs starting, bounds
     * passing), and run four at once. The class itself is not: no other class runs beside it, so
     * what another class counts of this JVM (its processes, its threads) is that class's own.
     */

    private static final Path FIXTURES = Path.of("src/test/resources/exercises");
    /** For the fixtures that wait for ever: stopped sooner than a student's would be. */
    private static final Checker.Bounds SHORT = new Checker.Bounds(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final int PASSING_TRIALS = 2;

    @TempDir
    Path dir;

    static Stream<String> names() {
        return Exercises.ALL.stream().map(Exercise::name);
    }

    /** What ran before these checks: the last one counts only what they started. */
    private static Leftovers before;

    @BeforeAll
    static void snapshot() {
        before = Leftovers.snapshot();
    }

    @AfterAll
    static void nothingLeftRunning() throws InterruptedException {
        // a process destroyed a moment ago may still be exiting
        assertThat(before.processes(Duration.ofSeconds(5)).stream().map(ProcessHandle::info).toList())
                .withFailMessage("a check left a process running").isEmpty();
    }

    private Path place(Exercise ex, String text) throws IOException {
        Path file = dir.resolve(ex.fileName());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path fixture(Exercise ex, String kind) throws IOException {
        return place(ex, Files.readString(FIXTURES.resolve(ex.name()).resolve(kind).resolve(ex.fileName())));
    }

    private static Exercise named(String name) {
        return Exercises.named(name).orElseThrow();
    }

    private static String said(Checker.Outcome outcome) {
        return String.join("\n", outcome.report()) + "\n" + String.join("\n", outcome.printed());
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("names")
    @DisplayName("the starter does not pass: its bug shows on the first run")
    void starterFails(String name) throws Exception {
        Exercise ex = named(name);
        Checker.Outcome outcome = Checker.check(ex, place(ex, Workbook.starter(ex, Language.ENGLISH)), ex.trials(), Language.ENGLISH);
        assertThat(outcome.status()).withFailMessage(said(outcome)).isEqualTo(Checker.Status.NOT_YET);
        assertThat(outcome.kind()).isIn(Checker.Kind.WRONG, Checker.Kind.STUCK);
        assertThat(outcome.passed()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("names")
    @DisplayName("the reference solution passes")
    void referencePasses(String name) throws Exception {
        Exercise ex = named(name);
        Checker.Outcome outcome = Checker.check(ex, place(ex, Workbook.solutionText(ex, Language.ENGLISH)), PASSING_TRIALS,
                Language.ENGLISH);
        assertThat(outcome.status()).withFailMessage(said(outcome)).isEqualTo(Checker.Status.PASSED);
        assertThat(outcome.passed()).isEqualTo(PASSING_TRIALS);
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("names")
    @DisplayName("another correct mechanism passes too")
    void alternativePasses(String name) throws Exception {
        Exercise ex = named(name);
        Checker.Outcome outcome = Checker.check(ex, fixture(ex, "alternative"), PASSING_TRIALS, Language.ENGLISH);
        assertThat(outcome.status()).withFailMessage(said(outcome)).isEqualTo(Checker.Status.PASSED);
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("names")
    @DisplayName("a hard-coded answer fails: each run has sizes of its own")
    void hardCodedAnswerFails(String name) throws Exception {
        Exercise ex = named(name);
        Checker.Outcome outcome = Checker.check(ex, fixture(ex, "hardcoded"), ex.trials(), Language.ENGLISH);
        assertThat(outcome.status()).withFailMessage(said(outcome)).isEqualTo(Checker.Status.NOT_YET);
        assertThat(outcome.kind()).isEqualTo(Checker.Kind.WRONG);
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("names")
    @DisplayName("a fix that runs the workers one after another fails, and says so")
    void sequentialFixFails(String name) throws Exception {
        Exercise ex = named(name);
        // a short wait at the start line; the usual stall bound, for JVMs that start one after another
        Checker.Outcome outcome = Checker.check(ex, fixture(ex, "sequential"), ex.trials(), Language.ENGLISH,
                new Checker.Bounds(SHORT.begin(), ex.stallBound()));
        assertThat(outcome.status()).withFailMessage(said(outcome)).isEqualTo(Checker.Status.NOT_YET);
        assertThat(String.join(" ", outcome.report()))
                .containsAnyOf("did not run at the same time", "main's own process", "one at a time");
    }

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT)
    @MethodSource("names")
    @DisplayName("a program that hangs is stopped within its bound and reported stuck, with where it waited")
    void hangingIsStuck(String name) throws Exception {
        Exercise ex = named(name);
        long start = System.nanoTime();
        Checker.Outcome outcome = Checker.check(ex, fixture(ex, "hanging"), ex.trials(), Language.ENGLISH, SHORT);
        assertThat(outcome.kind()).withFailMessage(said(outcome)).isEqualTo(Checker.Kind.STUCK);
        assertThat(outcome.report()).anyMatch(line -> line.contains(ex.fileName() + ":"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("an exception is reported with its stack cut to the student's own frames")
    void exceptionIsCutToTheStudentsFrames() throws Exception {
        Exercise ex = named("join-threads");
        String thrower = Workbook.solutionText(ex, Language.ENGLISH).replace("worker.join(); //",
                "if (worker != null) throw new IllegalStateException(\"boom\"); //");
        Checker.Outcome outcome = Checker.check(ex, place(ex, thrower), PASSING_TRIALS, Language.ENGLISH);
        assertThat(outcome.kind()).withFailMessage(said(outcome)).isEqualTo(Checker.Kind.THREW);
        assertThat(outcome.report()).anyMatch(line -> line.contains("IllegalStateException: boom"));
        assertThat(outcome.report()).anyMatch(line -> line.contains("at JoinThreads.run(JoinThreads.java:"));
        assertThat(outcome.report()).noneMatch(line -> line.contains("concurrencydemo.") || line.contains("java.base/"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("a run that steps for ever is stopped and reported by the harness, with where main was; not as the harness gone quiet")
    void endlessSteppingIsReported() throws Exception {
        Exercise ex = named("join-threads");
        String endless = Workbook.solutionText(ex, Language.ENGLISH).replace("int total = 0;",
                "while (work.workers() > 0) { work.step(); }\n        int total = 0;");
        long start = System.nanoTime();
        Checker.Outcome outcome = Checker.check(ex, place(ex, endless), PASSING_TRIALS, Language.ENGLISH,
                new Checker.Bounds(SHORT.begin(), ex.stallBound())); // its late worker may take longer than SHORT's
        assertThat(outcome.kind()).withFailMessage(said(outcome)).isEqualTo(Checker.Kind.STUCK);
        assertThat(outcome.report().get(0)).contains("kept making steps for 7s");
        assertThat(outcome.report()).anyMatch(line -> line.contains("main is waiting in Work.step(), at JoinThreads.java:"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("a run that leaves hundreds of threads behind gets a bounded report: eight listed, the rest counted")
    void manyThreadsAreCounted() throws Exception {
        Exercise ex = named("join-threads");
        String many = Workbook.solutionText(ex, Language.ENGLISH).replace("return total;",
                "for (int q = 0; q < 300; q++) { new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }).start(); }\n"
                        + "        return total;");
        Checker.Outcome outcome = Checker.check(ex, place(ex, many), PASSING_TRIALS, Language.ENGLISH,
                new Checker.Bounds(SHORT.begin(), ex.stallBound())); // its late worker may take longer than SHORT's
        assertThat(outcome.kind()).withFailMessage(said(outcome)).isEqualTo(Checker.Kind.STUCK);
        assertThat(outcome.report()).anyMatch(line -> line.contains("\u2026 and 292 more threads"));
        assertThat(outcome.report()).hasSizeLessThan(15);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("a student's code cannot install a SecurityManager: it is told so as an exception of its own, not as an exit")
    void noSecurityManager() throws Exception {
        Exercise ex = named("join-threads");
        @SuppressWarnings("removal")
        String manager = Workbook.solutionText(ex, Language.ENGLISH).replace("int total = 0;",
                "System.setSecurityManager(new SecurityManager());\n        int total = 0;");
        Checker.Outcome outcome = Checker.check(ex, place(ex, manager), PASSING_TRIALS, Language.ENGLISH, SHORT);
        assertThat(outcome.kind()).withFailMessage(said(outcome)).isEqualTo(Checker.Kind.THREW);
        assertThat(outcome.report()).anyMatch(line -> line.contains("UnsupportedOperationException"));
        assertThat(outcome.report()).noneMatch(line -> line.contains("java.base/"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("a file saved as UTF-8 with a byte order mark (Windows editors) compiles: the mark is no part of the program")
    void aByteOrderMarkIsDropped() throws Exception {
        Exercise ex = named("join-threads");
        Checker.Outcome outcome = Checker.check(ex, "\uFEFF" + Workbook.solutionText(ex, Language.ENGLISH), PASSING_TRIALS,
                Language.ENGLISH, new Checker.Bounds(SHORT.begin(), ex.stallBound()));
        assertThat(outcome.status()).withFailMessage(said(outcome)).isEqualTo(Checker.Status.PASSED);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("a compile error names the file and line, in the student's language")
    void compileErrorsInTheStudentsLanguage() throws Exception {
        Exercise ex = named("join-threads");
        Path file = place(ex, Workbook.starter(ex, Language.ENGLISH).replace("int total = 0;", "int total = 0"));
        Checker.Outcome english = Checker.check(ex, file, 1, Language.ENGLISH);
        assertThat(english.kind()).isEqualTo(Checker.Kind.COMPILE);
        assertThat(english.report()).anyMatch(l -> l.matches("JoinThreads\\.java:\\d+: .*';' expected.*"));
        Checker.Outcome chinese = Checker.check(ex, file, 1, Language.SIMPLIFIED_CHINESE);
        assertThat(chinese.report()).anyMatch(l -> l.matches("JoinThreads\\.java:\\d+: .*\\p{IsHan}.*"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("the Chinese starter and solution are the English ones with their comments translated: the same code")
    void chineseFilesHoldTheSameCode() {
        for (Exercise ex : Exercises.ALL) {
            assertThat(code(Workbook.starter(ex, Language.SIMPLIFIED_CHINESE)))
                    .withFailMessage("%s: the Chinese starter's code differs from the English one", ex.name())
                    .isEqualTo(code(Workbook.starter(ex, Language.ENGLISH)));
            assertThat(code(Workbook.solutionText(ex, Language.SIMPLIFIED_CHINESE)))
                    .withFailMessage("%s: the Chinese solution's code differs from the English one", ex.name())
                    .isEqualTo(code(Workbook.solutionText(ex, Language.ENGLISH)));
            assertThat(Workbook.starter(ex, Language.SIMPLIFIED_CHINESE)).contains("从这里开始修改").contains("改到这里");
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("an exercise's row with a part missing is refused when it is declared")
    void aRowWithAPartMissingIsRefused() {
        assertThatThrownBy(() -> Exercise.named("no-grader").section(Seed.POOL).className("NoGrader").threads()
                .trials(1).pause(Duration.ZERO).sizes(r -> null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-grader");
        assertThatThrownBy(() -> Exercise.named("Bad Name").section(Seed.POOL).className("BadName").threads()
                .trials(1).pause(Duration.ZERO).sizes(r -> null).grader((a, b, c, d) -> null).build())
                .isInstanceOf(IllegalStateException.class);
    }

    /** Java source without its comments and blank space: what the compiler sees. */
    private static String code(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "").replaceAll("\\s+", "");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("every exercise has a starter, a solution, fixtures of each kind and all its texts")
    void everyExerciseIsComplete() {
        assertThat(Exercises.ALL).extracting(Exercise::name).doesNotHaveDuplicates();
        for (Exercise ex : Exercises.ALL) {
            assertThat(ex.hints()).as("%s: hints in the bundle", ex.name()).isGreaterThanOrEqualTo(1);
            assertThat(Workbook.starter(ex, Language.ENGLISH)).contains("public class " + ex.className()).contains("change from here");
            assertThat(Workbook.solutionText(ex, Language.ENGLISH)).contains("public class " + ex.className());
            for (String kind : List.of("alternative", "hardcoded", "sequential", "hanging")) {
                assertThat(FIXTURES.resolve(ex.name()).resolve(kind).resolve(ex.fileName())).isRegularFile();
            }
        }
    }
}
