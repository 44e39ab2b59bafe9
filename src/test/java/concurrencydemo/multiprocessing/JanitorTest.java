package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The janitor: what it sweeps, what it leaves, and that it trusts the lock, not the start time. */
@Timeout(60)
class JanitorTest {
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
        Files.delete(unlockable.resolve(PrivateDirectory.LOCK)); // no lock file: not provably demo's
        Workspace live = Workspace.create(base, line -> { }); // this JVM's, and open

        try {
            Janitor.sweepOrphans(base);
            assertThat(live.directory().resolve(PrivateDirectory.MARKER)).exists();
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
    @DisplayName("a live creator's workspace survives the sweep whatever start time its marker names; once the creator is SIGKILLed, it is swept")
    void sweepTrustsTheLockNotTheStartTime(@TempDir Path base) throws Exception {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        try (Workspace ws = Workspace.create(output::add)) {
            SharedInt ready = ws.sharedInt(0);
            String where = base.toString();
            ChildProcess creator = ws.process("P1", () -> {
                Workspace own = Workspace.create(Path.of(where), line -> { });
                Path marker = own.directory().resolve(PrivateDirectory.MARKER);
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

            assertThat(Janitor.sweepOrphans(base)).isEmpty();
            assertThat(created.resolve(PrivateDirectory.MARKER)).exists();

            ProcessHandle.of(creator.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no hook runs
            creator.join();
            assertThat(created).exists();
            assertThat(Janitor.sweepOrphans(base)).containsExactly(created);
            assertThat(created).doesNotExist();
        }
    }

    private static Path privateDir(Path base, String name) throws Exception {
        return Files.createDirectory(base.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
    }

    /** Writes the lock file and the marker a workspace gets at creation; no process holds the lock. */
    private static void mark(Path dir, long pid, Instant start) throws Exception {
        Files.createFile(dir.resolve(PrivateDirectory.LOCK));
        Files.writeString(dir.resolve(PrivateDirectory.MARKER),
                "demo workspace\npid " + pid + "\nstart " + (start == null ? "unknown" : start) + "\n");
    }
}
