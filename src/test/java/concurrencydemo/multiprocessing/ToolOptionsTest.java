package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS reach every child JVM as options on its command line, never
 * through its environment, so that no child's "Picked up …" lands among a lesson's output lines.
 */
@Timeout(120)
class ToolOptionsTest {
    private final List<Process> started = new ArrayList<>();
    @TempDir
    Path tmp;

    @AfterEach
    void destroyStarted() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("options are split as HotSpot splits JAVA_TOOL_OPTIONS: at blanks, quotes grouping wherever they stand")
    void optionsAreSplitAsTheJvmSplitsThem() {
        assertThat(Jvm.splitOptions("  -Da=1 \t-Db=\"x y\"  '-Dc=z w' -Dd='' \n-Xmx1g "))
                .containsExactly("-Da=1", "-Db=x y", "-Dc=z w", "-Dd=", "-Xmx1g");
        assertThat(Jvm.splitOptions("")).isEmpty();
        // what the JVM refuses to start with is not split: it is left to the JVM
        assertThat(Jvm.splitOptions("-Da=1 ''")).isNull();
        assertThat(Jvm.splitOptions("-Da='1")).isNull();
    }

    @Test
    @DisplayName("a JAVA_TOOL_OPTIONS the JVM would refuse, or holding a launcher's option, is left as it is")
    void whatTheJvmWouldRefuseIsLeftToIt() {
        for (String value : List.of("-version", "-Da=1 @args.txt", "-XshowSettings:properties", "-Da=1 -cp x", "-Da=''  ''")) {
            Map<String, String> env = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", value));
            assertThat(Jvm.environmentOptions(env)).as(value).isEmpty();
            Jvm.takeOver(env);
            assertThat(env).as(value).isEqualTo(Map.of("JAVA_TOOL_OPTIONS", value));
        }
        // the java launcher's own variable may hold the launcher's options, but name no program
        Map<String, String> env = new HashMap<>(Map.of("JDK_JAVA_OPTIONS", "-showversion"));
        assertThat(Jvm.environmentOptions(env)).containsExactly("-showversion");
        assertThat(Jvm.environmentOptions(Map.of("JDK_JAVA_OPTIONS", "-jar x.jar"))).isEmpty();
    }

    @Test
    @DisplayName("a child gets JAVA_TOOL_OPTIONS, then JDK_JAVA_OPTIONS, as options, and neither variable, only its DEMO_ copy")
    void variablesBecomeOptionsAndMoveToTheirDemoCopies() {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Da=1 -Db=2",
                "JDK_JAVA_OPTIONS", "-Dc=3", "DEMO_JDK_JAVA_OPTIONS", "-Dstale=1", "PATH", "/bin"));
        assertThat(Jvm.environmentOptions(env)).containsExactly("-Da=1", "-Db=2", "-Dc=3");
        Jvm.takeOver(env);
        assertThat(env).isEqualTo(Map.of("DEMO_JAVA_TOOL_OPTIONS", "-Da=1 -Db=2", "DEMO_JDK_JAVA_OPTIONS", "-Dc=3",
                "PATH", "/bin"));
        // a grandchild, started from a child whose environment holds only the copies, gets the same
        assertThat(Jvm.environmentOptions(env)).containsExactly("-Da=1", "-Db=2", "-Dc=3");
        Jvm.takeOver(env);
        assertThat(env).containsEntry("DEMO_JAVA_TOOL_OPTIONS", "-Da=1 -Db=2").doesNotContainKey("JAVA_TOOL_OPTIONS");
        assertThat(Jvm.environmentOptions(Map.of())).isEmpty();
    }

    @Test
    @DisplayName("under JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS a child prints no 'Picked up', and their -D properties apply in it")
    void childGetsTheOptionsAndSaysNothing() throws Exception {
        Run run = runJava(Map.of("JAVA_TOOL_OPTIONS", "-Ddemo.probe.tool=seen", "JDK_JAVA_OPTIONS", "-Ddemo.probe.jdk='a b'"),
                "-cp", System.getProperty("java.class.path"), ToolOptionsProbe.class.getName());
        assertThat(run.exitCode).withFailMessage("probe exited %d: %s%s", run.exitCode, run.out, run.err).isZero();
        assertThat(run.out).contains("[P1] tool=seen jdk=a b", "exit 0").doesNotContain("Picked up");
        // the probe's own JVM was started with the variables set: only its own notices, on its stderr
        assertThat(run.err.lines().filter(l -> !l.contains("Picked up")).toList()).isEmpty();
    }

    @Test
    @DisplayName("a lesson with child JVMs, under JAVA_TOOL_OPTIONS, shows no 'Picked up' among its output lines")
    void lessonOutputHoldsNoNoticeOfTheJvm() throws Exception {
        Run run = runJava(Map.of("JAVA_TOOL_OPTIONS", "-Duser.language=de -Duser.country=DE"),
                "-cp", System.getProperty("java.class.path"), "concurrencydemo.Main", "processes", "--no-color");
        assertThat(run.exitCode).withFailMessage("demo exited %d: %s%s", run.exitCode, run.out, run.err).isZero();
        assertThat(run.out).contains("Summary: processes").doesNotContain("Picked up");
        assertThat(run.err.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList()).isEmpty();
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs this JVM's java with {@code args} and {@code env} on top of this JVM's environment. */
    private Run runJava(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Jvm.javaBinary());
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        for (String variable : Jvm.OPTION_VARIABLES) {
            pb.environment().remove(variable);
            pb.environment().remove(Jvm.TAKEN_OVER + variable);
        }
        pb.environment().putAll(env);
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().remove("LC_ALL");
        pb.environment().put("LC_MESSAGES", "C");
        Process p = pb.start();
        started.add(p);
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).withFailMessage("%s did not finish", command).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                Files.readString(err, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
