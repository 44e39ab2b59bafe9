package concurrencydemo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every example from source, as a student would, and checks the shape of what it prints. */
@Timeout(300)
class ExamplesTest {
    /** Each example's own bound: a hung example fails here, named, long before the class's bound. */
    private static final long TIME_BOUND_SECONDS = 60;
    private Process running;

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("ProcessStartJoin", List.of("(\\d+) of \\1 processes finished, exit codes \\[0(, 0)*\\]", "end main")),
                Arguments.of("SharedValueArray", List.of("Value at beginning: 0", "Array at beginning: \\[0.0, 100.0, 200.0\\]",
                        "Value at end: \\d+", "Array at end: \\[\\d+\\.0, \\d+\\.0, \\d+\\.0\\]", "end main")),
                Arguments.of("SharedValueArrayLock", List.of("Value at beginning: 0", "Array at beginning: \\[0.0, 100.0, 200.0\\]",
                        "Value at end: 200", "Array at end: \\[200.0, 300.0, 400.0\\]", "end main")),
                Arguments.of("ProcessLockContext", List.of("Value at beginning: 0", "Value at end: 200", "end main")),
                Arguments.of("ProcessQueue", List.of("(-?\\d+\\n){9}-?\\d+", "end main")),
                Arguments.of("ProcessPool", List.of("\\[0, 1, 8, 27, 64, 125, 216, 343, 512, 729\\]")),
                Arguments.of("ThreadStartJoin", List.of("all 10 threads finished", "end main")),
                Arguments.of("ThreadSharedGlobal", List.of("Start value:  0", "End value: [12]", "end main")),
                Arguments.of("ThreadLock", List.of("Start value:  0", "End value: 2", "end main")),
                Arguments.of("ThreadLockContext", List.of("Start value:  0", "End value: 2", "end main")),
                Arguments.of("GilThreads", List.of("1 thread: \\d+ ms, 283146 primes",
                        "\\d+ threads?: \\d+ ms, 283146 primes \\(\\d+\\.\\dx\\)")),
                Arguments.of("ThreadQueueJoin", List.of("(in Thread\\d+ got \\d+\\n){19}in Thread\\d+ got \\d+", "main done")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("each example runs from source and prints the seed's lines")
    void exampleRunsFromSource(String name, List<String> expectedLines) throws Exception {
        Path source = Path.of("examples", name + ".java");
        assertThat(source).exists();
        // output to a file, so that the bound below holds even when the example hangs with its stdout open
        Path output = Files.createTempFile("example-" + name, ".txt");
        try {
            running = start(name, output);
            assertThat(running.waitFor(TIME_BOUND_SECONDS, TimeUnit.SECONDS))
                    .withFailMessage("%s did not finish within %d s", name, TIME_BOUND_SECONDS).isTrue();
            checkOutput(name, expectedLines, Files.readString(output, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    @DisplayName("with 'fail', the context-manager lock is released and the other thread makes its update")
    void contextManagerReleasesTheLockOfAFailedUpdate() throws Exception {
        Path output = Files.createTempFile("example-ThreadLockContext", ".txt");
        try {
            running = start("ThreadLockContext", output, "fail");
            assertThat(running.waitFor(TIME_BOUND_SECONDS, TimeUnit.SECONDS))
                    .withFailMessage("ThreadLockContext fail did not finish within %d s", TIME_BOUND_SECONDS).isTrue();
            checkOutput("ThreadLockContext", List.of("Start value:  0", "End value: 1", "end main"),
                    Files.readString(output, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    @DisplayName("with 'fail', the lock taken by hand stays locked and the program never ends")
    void lockTakenByHandIsStrandedByAFailedUpdate() throws Exception {
        Path output = Files.createTempFile("example-ThreadLock", ".txt");
        try {
            running = start("ThreadLock", output, "fail");
            // a compile and two 100 ms updates take a few seconds; stuck means still running well after
            assertThat(running.waitFor(15, TimeUnit.SECONDS))
                    .withFailMessage("ThreadLock fail ended: %s", Files.readString(output)).isFalse();
            assertThat(Files.readString(output, StandardCharsets.UTF_8).strip()).isEqualTo("Start value:  0");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private Process start(String name, Path output, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, Path.of("examples", name + ".java").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(output.toFile()).start();
        p.getOutputStream().close();
        return p;
    }

    private void checkOutput(String name, List<String> expectedLines, String out) {
        assertThat(running.exitValue()).withFailMessage("%s exited %d: %s", name, running.exitValue(), out).isZero();
        assertThat(out.strip()).matches(String.join("\n", expectedLines));
        if (name.equals("ProcessQueue")) {
            assertThat(out.lines().filter(l -> l.matches("-?\\d+")).map(Integer::parseInt).sorted().toList())
                    .containsExactly(-5, -4, -3, -2, -1, 1, 4, 9, 16, 25);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("each example names its seed section and the lesson that expands on it, and is listed")
    void exampleIsDocumented(String name, List<String> ignored) throws IOException {
        String text = Files.readString(Path.of("examples", name + ".java"));
        assertThat(text).contains("// Seed: ", "Lesson: ./demo ", "// Run: java examples/" + name + ".java");
        assertThat(Files.readString(Path.of("examples", "README.md"))).contains("java examples/" + name + ".java");
    }

    @AfterEach
    void destroyExample() {
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }
}
