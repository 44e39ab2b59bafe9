package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(60)
class WorkspaceTest {
    @Test
    @DisplayName("a base directory that is missing, not a directory, unwritable or not a path fails with the path and the reason")
    void unusableBaseDirectoryNamesPathAndReason(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "");
        assertThatThrownBy(() -> Workspace.create(file.resolve("sub"), line -> { }))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.operation()).isEqualTo(WorkspaceException.Operation.CREATE_DIRECTORY);
                    assertThat(e.path()).isEqualTo(file.resolve("sub").toString());
                    assertThat(e.reason()).isEqualTo("not a directory");
                })
                .hasMessage("cannot create a private directory in " + file.resolve("sub") + ": not a directory");
        assertThatThrownBy(() -> Workspace.create(tmp.resolve("missing"), line -> { }))
                .isInstanceOfSatisfying(WorkspaceException.class,
                        e -> assertThat(e.reason()).isEqualTo("no such file or directory"));
        assertThatThrownBy(() -> PrivateDirectory.baseDirectory("bad\0dir", "/tmp"))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.path()).isEqualTo("bad\0dir");
                    assertThat(e.reason()).startsWith("not a valid path");
                });
        assertThat(PrivateDirectory.baseDirectory("", "/elsewhere")).isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    @DisplayName("a read-only base directory fails with the path and the reason")
    void readOnlyBaseDirectoryNamesPathAndReason(@TempDir Path tmp) throws Exception {
        Path readOnly = Files.createDirectory(tmp.resolve("ro"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-x------")));
        String expected = "cannot create a private directory in " + readOnly + ": permission denied";
        if (Files.isWritable(readOnly)) {
            // root writes anywhere by its capability to override permissions (as in CI): the check
            // runs in a JVM of root's without that capability
            assertThat(createdWithoutOverridingPermissions(readOnly)).isEqualTo(expected);
            return;
        }
        assertThatThrownBy(() -> Workspace.create(readOnly, line -> { }))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage(expected);
    }

    /** What {@link ReadOnlyProbe} prints, run by root without CAP_DAC_OVERRIDE (util-linux's setpriv). */
    private static String createdWithoutOverridingPermissions(Path base) throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        assumeTrue(Files.isExecutable(setpriv), "root, and no setpriv to run without the right to override permissions");
        Process p = new ProcessBuilder(setpriv.toString(), "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--",
                Jvm.javaBinary(), "-cp", System.getProperty("java.class.path"), ReadOnlyProbe.class.getName(), base.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } finally {
            p.destroyForcibly();
        }
    }

    /** Tries to create a workspace in its argument and prints the failure's message. */
    static final class ReadOnlyProbe {
        public static void main(String[] args) {
            try (Workspace ws = Workspace.create(Path.of(args[0]), line -> { })) {
                System.out.println("created " + ws.directory());
            } catch (WorkspaceException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("a queue works between two processes when TMPDIR is too long for a socket path")
    void queueWorksUnderALongTmpdir(@TempDir Path tmp) throws Exception {
        Path longBase = Files.createDirectories(tmp.resolve("a".repeat(60)).resolve("b".repeat(60)).resolve("c".repeat(40)));
        assertThat(longBase.toString().length()).isGreaterThan(150);
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        try (Workspace ws = Workspace.create(longBase, output::add)) {
            ProcessQueue<String> q = ws.queue();
            ChildProcess producer = ws.process("P1", () -> {
                q.put("one");
                q.put("two");
            }).start();
            assertThat(q.get(Duration.ofSeconds(20))).isEqualTo("one");
            assertThat(q.get(Duration.ofSeconds(20))).isEqualTo("two");
            producer.join();
            assertThat(producer.exitCode()).withFailMessage("child output: %s", output).isZero();
        }
        try (var left = Files.list(longBase)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @DisplayName("a program a workspace ran, and what it daemonized (python3's 'sleep &'), ends when the workspace closes")
    void daemonsOfAProgramEndWithTheWorkspace(@TempDir Path tmp) throws Exception {
        String token = Sleeps.token(3142);
        try (Workspace ws = Workspace.create(tmp, line -> { })) {
            ExternalProgram.runForOutput(ws, List.of("sh", "-c", "sleep " + token + " </dev/null >/dev/null 2>&1 &"),
                    Duration.ofSeconds(20));
            assumeTrue(!Sleeps.of(token).isEmpty(), "the daemonized sleep did not start");
        }
        Sleeps.assertAllGone(token, "its workspace");
    }

    @Test
    @DisplayName("a TMPDIR every user can write, not sticky, is refused: another user could swap the workspace for theirs")
    void aSharedTmpdirIsRefused(@TempDir Path tmp) throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("unix"));
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 0777);
        assertThatThrownBy(() -> Workspace.create(shared, line -> { }).close())
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("not sticky");
        Files.setAttribute(shared, "unix:mode", 01777);
        try (Workspace ws = Workspace.create(shared, line -> { })) {
            assertThat(ws.directory()).startsWith(shared);
        }
    }
}
