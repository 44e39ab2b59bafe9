package concurrencydemo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example and checks the shape of what it prints: each compiled once with javac (the
 * source launcher would compile it again in every run, and a process example in every child), and
 * two from source, as a student runs them.
 */
@Timeout(300)
class ExamplesTest {
    /** Each example's own bound: a hung example fails here, named, long before the class's bound. */
    private static final long TIME_BOUND_SECONDS = 60;
    private Process running;

    /** Each example's classes, in a folder of its own (examples/&lt;name&gt;/). */
    @TempDir
    static Path classes;

    @BeforeAll
    static void compileEveryExample() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = source.getFileName().toString().replace(".java", "");
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                int code = javac.run(null, null, errors, "-d", classes.resolve(name).toString(), source.toString());
                assertThat(code).withFailMessage("%s does not compile: %s", source, errors).isZero();
            }
        }
    }

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
    @DisplayName("each example runs and prints the seed's lines")
    void exampleRuns(String name, List<String> expectedLines) throws Exception {
        assertRuns(name, expectedLines, false);
    }

    static Stream<Arguments> fromSource() {
        return examples().filter(a -> List.of("ProcessStartJoin", "ThreadStartJoin").contains(a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromSource")
    @DisplayName("a process example and a thread example run from source, as a student runs them (the process one starts its file again)")
    void exampleRunsFromSource(String name, List<String> expectedLines) throws Exception {
        assertRuns(name, expectedLines, true);
    }

    private void assertRuns(String name, List<String> expectedLines, boolean fromSource) throws Exception {
        Path source = Path.of("examples", name + ".java");
        assertThat(source).exists();
        // output to a file, so that the bound below holds even when the example hangs with its stdout open
        Path output = Files.createTempFile("example-" + name, ".txt");
        try {
            running = fromSource ? startFromSource(name, output) : start(name, output);
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
            // its two 100 ms updates are over well before this: stuck means still running after it
            assertThat(running.waitFor(5, TimeUnit.SECONDS))
                    .withFailMessage("ThreadLock fail ended: %s", Files.readString(output)).isFalse();
            assertThat(Files.readString(output, StandardCharsets.UTF_8).strip()).isEqualTo("Start value:  0");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs the example's compiled class. */
    private Process start(String name, Path output, String... args) throws IOException {
        return start(List.of("-cp", classes.resolve(name).toString(), name), output, args);
    }

    /** Runs the example from its source file, as {@code java examples/<name>.java}. */
    private Process startFromSource(String name, Path output, String... args) throws IOException {
        return start(List.of(Path.of("examples", name + ".java").toString()), output, args);
    }

    private Process start(List<String> program, Path output, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(program);
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
