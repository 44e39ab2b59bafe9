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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Timeout(60)
class WorkspaceTest {
    private static final String OWNER_ONLY = "rwx------";

    @Test
    @DisplayName("the sweep removes only workspaces demo made whose lock no process holds, and follows no symlink")
    void sweepRemovesOnlyProvenOrphans(@TempDir Path base, @TempDir Path elsewhere) throws Exception {
        Path notes = Files.createDirectory(base.resolve("demo-2023-notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine");
        Path report = Files.writeString(base.resolve("demo-4000000-report.txt"), "mine too");
        Path userFiles = Files.createDirectory(elsewhere.resolve("precious"));
        Files.writeString(userFiles.resolve("thesis.tex"), "years of work");
        Path link = Files.createSymbolicLink(base.resolve("demo-999999-123"), userFiles);
        Path unmarked = privateDir(base, "demo-999998-456");
        Files.writeString(unmarked.resolve("data"), "no marker: not provably demo's");

        // A live pid keeps nothing alive: a creator holds its workspace's lock, and these have none.
        long deadPid = ProcessHandle.current().pid();
        Path worldReadable = privateDir(base, "demo-" + deadPid + "-789");
        mark(worldReadable, deadPid, null);
        Files.setPosixFilePermissions(worldReadable, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path wrongPid = privateDir(base, "demo-" + deadPid + "-790");
        mark(wrongPid, deadPid + 1, null);

        Path orphan = privateDir(base, "demo-" + deadPid + "-1011");
        mark(orphan, deadPid, null);
        Files.createSymbolicLink(orphan.resolve("link-to-user-files"), userFiles);
        Files.writeString(Files.createDirectory(orphan.resolve("sub")).resolve("x.mem"), "shared memory");

        long me = ProcessHandle.current().pid();
        Path recycled = privateDir(base, "demo-" + me + "-1213");
        mark(recycled, me, Instant.parse("2001-01-01T00:00:00Z"));
        Path unlockable = privateDir(base, "demo-" + me + "-1214");
        mark(unlockable, me, null);
        Files.delete(unlockable.resolve(Workspace.LOCK)); // no lock file: not provably demo's
        Workspace live = Workspace.create(base, line -> { }); // this JVM's, and open

        try {
            Workspace.sweepOrphans(base);
            assertThat(live.directory().resolve(Workspace.MARKER)).exists();
        } finally {
            live.close();
        }

        assertThat(notes.resolve("todo.txt")).hasContent("mine");
        assertThat(report).hasContent("mine too");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(userFiles.resolve("thesis.tex")).hasContent("years of work");
        assertThat(unmarked.resolve("data")).exists();
        assertThat(worldReadable).exists();
        assertThat(wrongPid).exists();
        assertThat(unlockable).exists();
        assertThat(orphan).doesNotExist();
        assertThat(recycled).doesNotExist();
    }

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
        assertThatThrownBy(() -> Workspace.baseDirectory("bad\0dir", "/tmp"))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.path()).isEqualTo("bad\0dir");
                    assertThat(e.reason()).startsWith("not a valid path");
                });
        assertThat(Workspace.baseDirectory("", "/elsewhere")).isEqualTo(Path.of("/elsewhere"));
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


    private static Path privateDir(Path base, String name) throws Exception {
        return Files.createDirectory(base.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
    }

    /** Writes the lock file and the marker a workspace gets at creation; no process holds the lock. */
    private static void mark(Path dir, long pid, Instant start) throws Exception {
        Files.createFile(dir.resolve(Workspace.LOCK));
        Files.writeString(dir.resolve(Workspace.MARKER),
                "demo workspace\npid " + pid + "\nstart " + (start == null ? "unknown" : start) + "\n");
    }

    @Test
    @DisplayName("a live creator's workspace survives the sweep whatever start time its marker names; once the creator is SIGKILLed, it is swept")
    void sweepTrustsTheLockNotTheStartTime(@TempDir Path base) throws Exception {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        try (Workspace ws = Workspace.create(output::add)) {
            SharedInt ready = ws.sharedInt(0);
            String where = base.toString();
            ChildProcess creator = ws.process("P1", () -> {
                Workspace own = Workspace.create(Path.of(where), line -> { });
                Path marker = own.directory().resolve(Workspace.MARKER);
                Instant start = ProcessHandle.current().info().startInstant().orElseThrow();
                // as the start time a sweeper computes may be after a clock step: one second off
                Files.writeString(marker, "demo workspace\npid " + ProcessHandle.current().pid()
                        + "\nstart " + start.plusSeconds(1) + "\n");
                ready.set(1);
                Thread.sleep(60_000);
            }).start();
            assertThat(ready.awaitAtLeast(1, Duration.ofSeconds(20))).withFailMessage("child output: %s", output).isTrue();
            Path created;
            try (var dirs = Files.newDirectoryStream(base, "demo-" + creator.pid() + "-*")) {
                created = dirs.iterator().next();
            }

            assertThat(Workspace.sweepOrphans(base)).isEmpty();
            assertThat(created.resolve(Workspace.MARKER)).exists();

            ProcessHandle.of(creator.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no hook runs
            creator.join();
            assertThat(created).exists();
            assertThat(Workspace.sweepOrphans(base)).containsExactly(created);
            assertThat(created).doesNotExist();
        }
    }
}
