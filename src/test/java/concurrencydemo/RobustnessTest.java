package concurrencydemo;

import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import concurrencydemo.Cli.Result;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.Stage;
import concurrencydemo.lessons.LessonAccess;
import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.multiprocessing.JavaCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing hangs, nothing is left behind: stuck variants, killed children, Ctrl-C, small heaps. */
@Timeout(120)
class RobustnessTest {
    private final List<Process> started = new ArrayList<>();
    /** What ran before this test: its checks count only what it started. */
    private final Leftovers before = Leftovers.snapshot();

    @AfterEach
    void destroyEverythingStarted() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static boolean isChildJvm(ProcessHandle h) {
        return h.info().commandLine().orElse("").contains("ChildMain");
    }

    /** The child JVMs this test started that are still alive. */
    private List<ProcessHandle> childJvms() throws InterruptedException {
        return before.processes(Duration.ZERO, RobustnessTest::isChildJvm);
    }

    private void awaitNoChildJvms(Duration within) throws InterruptedException {
        assertThat(before.processes(within, RobustnessTest::isChildJvm)).isEmpty();
    }

    @Test
    @DisplayName("a variant past its --timeout is reported STUCK, cleaned up, and the next variant still runs")
    void stuckThreadVariantsAreStoppedAndTheRunGoesOn() {
        Result r = Cli.run("threads", "--timeout", "20ms");
        assertThat(r.exitCode()).isEqualTo(ExitCode.WRONG);
        assertThat(r.out()).contains("STUCK", "did not finish within 20ms", "[7/7] AtomicInteger", "Summary: threads");
        assertThat(before.threads()).noneMatch(t -> t.getName().matches("T\\d+"));
    }

    @Test
    @DisplayName("a stuck process variant leaves no child JVM behind")
    void stuckProcessVariantLeavesNoChild() throws Exception {
        Result r = Cli.run("race-condition", "--timeout", "150ms");
        assertThat(r.exitCode()).isEqualTo(ExitCode.WRONG);
        assertThat(r.out()).contains("STUCK");
        assertThat(r.out().replaceAll("\\s+", " ")).containsPattern("P\\d \\(pid \\d+\\) running");
        awaitNoChildJvms(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("a child killed mid-lesson is noticed within two seconds and named, and the others are stopped")
    void killedChildIsNamed() throws Exception {
        Thread killer = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    for (ProcessHandle h : childJvms()) {
                        if (h.info().commandLine().orElse("").contains("ChildMain P3 ")) {
                            h.destroyForcibly();
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                Thread.onSpinWait();
            }
        });
        killer.start();
        long start = System.nanoTime();
        try (Stage stage = new Stage(line -> { }, TestTexts.of(Language.ENGLISH), Duration.ofMillis(20))) {
            assertThatThrownBy(() -> LessonAccess.raceCondition(stage, true))
                    .isInstanceOfSatisfying(ChildFailedException.class, e -> {
                        assertThat(e.child()).isEqualTo("P3");
                        assertThat(e.how()).isEqualTo(ChildFailedException.How.KILLED_BY_SIGNAL);
                        assertThat(e.signal()).hasValue(9);
                    });
        } finally {
            killer.join();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        awaitNoChildJvms(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("a killed child makes the lesson exit 1 with one line on stderr naming it")
    void killedChildFailsTheLesson() throws Exception {
        Path tmp = Files.createTempDirectory("robust");
        Process demo = startDemo(tmp, "race-condition", "--window", "5ms");
        ProcessHandle p3 = awaitChild(demo, "ChildMain P3 ");
        p3.destroyForcibly();
        assertThat(demo.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String err = new String(demo.getErrorStream().readAllBytes());
        assertThat(demo.exitValue()).isEqualTo(ExitCode.WRONG);
        assertThat(err).contains("P3 (pid " + p3.pid() + ") was killed (SIGKILL)").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT): exit 130, every child JVM gone within 2 s, the temporary directory empty")
    void sigintCleansUp(@TempDir Path tmp) throws Exception {
        assertSignalCleansUp(tmp, "INT", 130);
    }

    @Test
    @DisplayName("SIGTERM: exit 143, every child JVM gone within 2 s, the temporary directory empty")
    void sigtermCleansUp(@TempDir Path tmp) throws Exception {
        assertSignalCleansUp(tmp, "TERM", 143);
    }

    private void assertSignalCleansUp(Path tmp, String signal, int exitCode) throws Exception {
        Process demo = startDemo(tmp, "race-condition", "--window", "5ms");
        awaitChild(demo, "ChildMain P1 ");
        List<ProcessHandle> children = demo.descendants().toList();
        new ProcessBuilder("kill", "-" + signal, Long.toString(demo.pid())).start().waitFor();
        assertThat(demo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(exitCode);
        String err = new String(demo.getErrorStream().readAllBytes());
        assertThat(err).contains("demo: interrupted").doesNotContain("failed", "Exception");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @DisplayName("all, with a small heap (parent -Xmx32m, children -Xmx64m): every lesson in teaching order, as one JSON document, exit 0")
    void allInOrderWithASmallHeap(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("all.json");
        Path work = Files.createDirectory(tmp.resolve("tmp"));
        Process demo = startDemo(work, ProcessBuilder.Redirect.to(json.toFile()), "-Xmx32m", "all", "--format", "json",
                "--window", "1ms");
        assertThat(demo.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).withFailMessage(new String(demo.getErrorStream().readAllBytes())).isZero();
        com.google.gson.JsonObject doc = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        List<String> lessons = doc.getAsJsonArray("lessons").asList().stream()
                .map(l -> l.getAsJsonObject().get("lesson").getAsString()).toList();
        assertThat(lessons).containsExactly("threads", "locks", "processes", "race-condition", "queues", "pools", "gil");
        assertThat(doc.get("passed").getAsBoolean()).isTrue();
    }

    @Test
    @DisplayName("SIGTERM during --format json: stdout is still one valid JSON document, interrupted, with what finished")
    void jsonSurvivesASignal(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out.json");
        Path work = Files.createDirectory(tmp.resolve("tmp"));
        Process demo = startDemo(work, ProcessBuilder.Redirect.to(json.toFile()), "race-condition", "--window", "5ms",
                "--format", "json");
        awaitChild(demo, "ChildMain P1 ");
        new ProcessBuilder("kill", "-TERM", Long.toString(demo.pid())).start().waitFor();
        assertThat(demo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).isEqualTo(143);
        com.google.gson.JsonObject doc = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(doc.get("interrupted").getAsBoolean()).isTrue();
        assertThat(doc.get("passed").getAsBoolean()).isFalse();
        assertThat(doc.get("lesson").getAsString()).isEqualTo("race-condition");
    }

    @Test
    @DisplayName("suspended (SIGSTOP, as Ctrl-Z) mid-variant for longer than the time bound and continued: nothing is called stuck")
    void suspensionIsNotStuck(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out.txt");
        Path work = Files.createDirectory(tmp.resolve("tmp"));
        // Locked by hand needs two 300 ms windows of its 2 s bound; the run is stopped for 3 s inside it
        Process demo = startDemo(work, ProcessBuilder.Redirect.to(out.toFile()), "locks", "--window", "300ms",
                "--timeout", "2s");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(out).contains("[2/4] Locked by hand") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(Files.readString(out)).contains("[2/4] Locked by hand");
        new ProcessBuilder("kill", "-STOP", Long.toString(demo.pid())).start().waitFor();
        Thread.sleep(3_000);
        new ProcessBuilder("kill", "-CONT", Long.toString(demo.pid())).start().waitFor();
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        assertThat(text.substring(text.indexOf("[2/4] Locked by hand"), text.indexOf("[3/4]")))
                .contains("=> CORRECT").doesNotContain("STUCK");
        assertThat(demo.exitValue()).withFailMessage(text).isZero();
    }

    @Test
    @DisplayName("--trials bounds each trial: a trial past --timeout is reported at once, naming the trial")
    void eachTrialIsBounded() {
        long start = System.nanoTime();
        Result r = Cli.run("locks", "--trials", "50", "--timeout", "100ms", "--window", "200ms");
        assertThat(r.out()).contains("STUCK", "trial 1 did not finish within 100ms");
        // with the bound multiplied by the trials, the first variant alone would wait 5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("output to a full disk (/dev/full): exit 1 and one line on stderr")
    void fullOutputIsAnError(@TempDir Path tmp) throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full");
        for (String[] args : new String[][] {{"list"}, {"threads", "--window", "0"}}) {
            Process demo = startDemo(tmp, ProcessBuilder.Redirect.to(full.toFile()), args);
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = new String(demo.getErrorStream().readAllBytes());
            assertThat(demo.exitValue()).isEqualTo(ExitCode.WRONG);
            assertThat(err.strip().lines()).singleElement().asString().contains("could not write the output");
        }
    }

    private Process startDemo(Path tmp, String... args) throws IOException {
        return startDemo(tmp, ProcessBuilder.Redirect.DISCARD, args);
    }

    /** Starts demo in a JVM of its own, with TMPDIR pointing at {@code tmp}; JVM flags come first. */
    private Process startDemo(Path tmp, ProcessBuilder.Redirect output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-X")) {
            cmd.add(args[i++]);
        }
        String gilJob = System.getProperty("demo.gil.limit"); // the suite's test-sized gil job
        if (gilJob != null) {
            cmd.add("-Ddemo.gil.limit=" + gilJob);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("concurrencydemo.Main");
        cmd.addAll(List.of(args).subList(i, args.length));
        cmd.add("--no-color");
        ProcessBuilder pb = JavaCommand.java(cmd).redirectOutput(output);
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().remove("LC_ALL"); // English whatever the machine's locale: the tests read demo's words
        pb.environment().put("LC_MESSAGES", "C");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static ProcessHandle awaitChild(Process demo, String commandPart) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ProcessHandle h : demo.descendants().toList()) {
                if (h.info().commandLine().orElse("").contains(commandPart)) {
                    return h;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no child '" + commandPart + "' appeared");
    }
}
