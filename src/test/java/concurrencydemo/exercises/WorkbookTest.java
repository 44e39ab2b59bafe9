package concurrencydemo.exercises;

import concurrencydemo.exercises.FolderException.Kind;
import concurrencydemo.multiprocessing.JavaCommand;
import concurrencydemo.report.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The student's folder is theirs: the workbook writes through no link, uses no folder another user
 * can write unless told, keeps what the student wrote, and loses no progress when two demos share
 * the folder.
 */
@Timeout(120)
class WorkbookTest {
    private static final Exercise JOIN = Exercises.named("join-threads").orElseThrow();

    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("work");
    }

    private Workbook started() throws IOException {
        Workbook book = Workbook.open(dir());
        book.start(JOIN, false, Language.ENGLISH);
        return book;
    }

    private Path outside() throws IOException {
        return Files.writeString(tmp.resolve("important.txt"), "mine, outside the folder\n");
    }

    private static Kind refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (FolderException e) {
            return e.kind();
        } catch (IOException e) {
            throw new AssertionError("not a refusal: " + e, e);
        }
        throw new AssertionError("not refused");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws IOException;
    }

    @Test
    @DisplayName("a pass writes no solution through a link, to a file or to a folder, and says which link")
    void passWritesThroughNoLink() throws Exception {
        Workbook book = started();
        Path target = outside();
        Path solution = book.solution(JOIN);
        Files.createDirectories(solution.getParent());
        Files.createSymbolicLink(solution, target);
        assertThat(refusal(() -> book.source(JOIN))).isEqualTo(Kind.LINK); // before the check runs
        assertThat(refusal(() -> book.pass(JOIN, Language.ENGLISH))).isEqualTo(Kind.LINK);
        assertThat(target).hasContent("mine, outside the folder");

        Files.delete(solution);
        Files.delete(solution.getParent());
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(solution.getParent(), elsewhere);
        assertThat(refusal(() -> book.source(JOIN))).isEqualTo(Kind.LINK);
        assertThat(refusal(() -> book.pass(JOIN, Language.ENGLISH))).isEqualTo(Kind.LINK);
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        assertThat(Workbook.open(dir()).done(JOIN)).isFalse();
    }

    @Test
    @DisplayName("exercise --reset writes no starter through a link; a dangling link makes nothing; a linked progress file is not read")
    void startWritesThroughNoLink() throws Exception {
        Workbook book = started();
        Path target = outside();
        Path file = book.file(JOIN);
        Files.delete(file);
        Files.createSymbolicLink(file, target);
        assertThat(refusal(() -> book.start(JOIN, true, Language.ENGLISH))).isEqualTo(Kind.LINK);
        assertThat(target).hasContent("mine, outside the folder");

        Files.delete(file);
        Path nowhere = tmp.resolve("nowhere.java");
        Files.createSymbolicLink(file, nowhere);
        assertThat(refusal(() -> book.start(JOIN, false, Language.ENGLISH))).isEqualTo(Kind.LINK);
        assertThat(nowhere).doesNotExist();

        Files.delete(file);
        Path progress = dir().resolve(Workbook.PROGRESS);
        Files.delete(progress);
        Files.createSymbolicLink(progress, target);
        assertThat(refusal(() -> Workbook.open(dir()))).isEqualTo(Kind.LINK);
        assertThat(refusal(() -> book.nextHint(JOIN))).isEqualTo(Kind.LINK);
        assertThat(target).hasContent("mine, outside the folder");
    }

    @Test
    @DisplayName("--reset keeps the student's file, byte for byte, as a .bak only its owner can read")
    void backupIsTheStudentsAlone() throws Exception {
        Workbook book = started();
        byte[] mine = ("// 我的\n" + Workbook.starter(JOIN, Language.ENGLISH)).getBytes(Charset.forName("GBK"));
        Files.write(book.file(JOIN), mine);
        assertThat(book.start(JOIN, true, Language.ENGLISH)).isEqualTo(Workbook.Started.RESET);
        assertThat(Files.readAllBytes(book.backup(JOIN))).isEqualTo(mine);
        assertThat(book.file(JOIN)).hasContent(Workbook.starter(JOIN, Language.ENGLISH));
        assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(book.backup(JOIN)))).isEqualTo("rw-------");
    }

    @Test
    @DisplayName("a folder every user can write is refused, the working folder or an exercise's, unless trusted")
    void foldersOthersCanWriteAreRefused() throws Exception {
        assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Workbook book = started();
        Path exerciseFolder = book.file(JOIN).getParent();
        Files.setPosixFilePermissions(exerciseFolder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(refusal(() -> Workbook.open(dir()).source(JOIN))).isEqualTo(Kind.WRITABLE_BY_OTHERS);
        assertThat(refusal(() -> Workbook.open(dir()).start(JOIN, false, Language.ENGLISH))).isEqualTo(Kind.WRITABLE_BY_OTHERS);
        assertThat(Workbook.open(dir(), true).source(JOIN)).isPresent();
        Files.setPosixFilePermissions(exerciseFolder, PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(refusal(() -> Workbook.open(dir()))).isEqualTo(Kind.WRITABLE_BY_OTHERS);
        assertThat(Workbook.open(dir(), true).nextHint(JOIN)).isEqualTo(1);
    }

    @Test
    @DisplayName("a student file others can write is refused; so is a folder above the working folder every user can write, unless sticky")
    void filesAndFoldersAboveAreTheStudentsAlone() throws Exception {
        assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Workbook book = started();
        Files.setPosixFilePermissions(book.file(JOIN), PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(refusal(() -> Workbook.open(dir()).source(JOIN))).isEqualTo(Kind.WRITABLE_BY_OTHERS);
        Files.setPosixFilePermissions(book.file(JOIN), PosixFilePermissions.fromString("rw-r--r--"));

        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path mine = shared.resolve("mine");
        assertThat(refusal(() -> Workbook.open(mine))).isEqualTo(Kind.WRITABLE_BY_OTHERS); // another user could swap "mine"
        assertThat(Workbook.open(mine, true).nextHint(JOIN)).isEqualTo(1);
        Files.setAttribute(shared, "unix:mode", 01777); // sticky, as /tmp: only an entry's owner may rename it
        assertThat(Workbook.open(mine).hintsSeen(JOIN)).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(mine.resolve(Workbook.LOCK))) // the lock too is writable by its owner alone
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);

        java.nio.file.attribute.GroupPrincipal other = tmp.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByGroupName("nogroup");
        assumeThat(Files.getOwner(Path.of("/proc/self")).getName()).isEqualTo("root");
        Files.setAttribute(shared, "unix:mode", 0775);
        Files.getFileAttributeView(shared, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(other);
        assertThat(refusal(() -> Workbook.open(mine))).isEqualTo(Kind.WRITABLE_BY_OTHERS); // the group's members could swap it
    }

    @Test
    @DisplayName("a link another user made on the way to the working folder is not followed (needs root to make one theirs)")
    void anotherUsersLinkIsNotFollowed() throws Exception {
        assumeThat(Files.getOwner(Path.of("/proc/self")).getName()).isEqualTo("root");
        Path target = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("demo-exercises"), target);
        UserPrincipal nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.getFileAttributeView(link, java.nio.file.attribute.PosixFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).setOwner(nobody);
        assertThat(refusal(() -> Workbook.open(link))).isEqualTo(Kind.OWNED_BY_ANOTHER);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("a folder or a file another user owns is refused unless trusted (needs root to give one away)")
    void anotherUsersFolderIsRefused() throws Exception {
        assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        assumeThat(Files.getOwner(Path.of("/proc/self")).getName()).isEqualTo("root");
        Workbook book = started();
        UserPrincipal nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(book.file(JOIN), nobody);
        assertThat(refusal(() -> Workbook.open(dir()).source(JOIN))).isEqualTo(Kind.OWNED_BY_ANOTHER);
        Files.setOwner(book.file(JOIN).getParent(), nobody);
        assertThat(refusal(() -> Workbook.open(dir()).source(JOIN))).isEqualTo(Kind.OWNED_BY_ANOTHER);
        assertThat(Workbook.open(dir(), true).source(JOIN)).isPresent();
    }

    @Test
    @DisplayName("a file that is not UTF-8 is refused with the line of its first bad byte; odd files are refused, bounded")
    void oddFilesAreRefused() throws Exception {
        Workbook book = started();
        String starter = Workbook.starter(JOIN, Language.SIMPLIFIED_CHINESE);
        Files.write(book.file(JOIN), starter.getBytes(Charset.forName("GBK")));
        int firstChinese = 1 + (int) starter.substring(0, firstNonAscii(starter)).chars().filter(c -> c == '\n').count();
        FolderException gbk = (FolderException) catchIo(() -> book.source(JOIN));
        assertThat(gbk.kind()).isEqualTo(Kind.NOT_UTF8);
        assertThat(gbk.detail()).isEqualTo(Integer.toString(firstChinese));
        assertThat(gbk.path()).isEqualTo(book.file(JOIN));
        assertThat(book.start(JOIN, false, Language.ENGLISH)).isEqualTo(Workbook.Started.KEPT); // read, never decoded

        Files.delete(book.file(JOIN));
        Files.createDirectory(book.file(JOIN));
        assertThat(refusal(() -> book.source(JOIN))).isEqualTo(Kind.NOT_A_FILE);
        Files.delete(book.file(JOIN));
        try (var big = java.nio.channels.FileChannel.open(book.file(JOIN), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            big.write(java.nio.ByteBuffer.wrap(new byte[1]), 3L << 30); // 3 GiB, sparse
        }
        assertThat(refusal(() -> book.source(JOIN))).isEqualTo(Kind.TOO_LARGE);
        assertThat(refusal(() -> book.start(JOIN, true, Language.ENGLISH))).isEqualTo(Kind.TOO_LARGE);
        Files.delete(book.file(JOIN));

        Path progress = dir().resolve(Workbook.PROGRESS);
        Files.writeString(progress, "hints.join-threads=\\u12\n");
        assertThat(refusal(() -> Workbook.open(dir()))).isEqualTo(Kind.PROGRESS_DAMAGED);
        Files.write(progress, "current=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refusal(() -> Workbook.open(dir()))).isEqualTo(Kind.NOT_UTF8);
        Files.delete(progress);
        Files.createDirectory(progress);
        assertThat(refusal(() -> Workbook.open(dir()))).isEqualTo(Kind.NOT_A_FILE);
    }

    @Test
    @DisplayName("a FIFO as the student's file is refused at once, never opened (opening it would wait for a writer)")
    void aFifoIsNeverOpened() throws Exception {
        Workbook book = started();
        Files.delete(book.file(JOIN));
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", book.file(JOIN).toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            assumeThat(noMkfifo).as("mkfifo is not on this machine").isNull();
            return;
        }
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeThat(mkfifo.exitValue()).isZero();
        assertThat(refusal(() -> book.source(JOIN))).isEqualTo(Kind.NOT_A_FILE);
        assertThat(refusal(() -> book.start(JOIN, false, Language.ENGLISH))).isEqualTo(Kind.NOT_A_FILE);
    }

    @Test
    @DisplayName("a second pass keeps the solution copy the student edited; an untouched copy is refreshed")
    void rePassKeepsAnEditedSolution() throws Exception {
        Workbook book = started();
        assertThat(book.pass(JOIN, Language.ENGLISH)).isEqualTo(Workbook.Solution.WRITTEN);
        assertThat(book.pass(JOIN, Language.SIMPLIFIED_CHINESE)).isEqualTo(Workbook.Solution.WRITTEN);
        assertThat(book.solution(JOIN)).hasContent(Workbook.solutionText(JOIN, Language.SIMPLIFIED_CHINESE));
        Files.writeString(book.solution(JOIN), "// my notes\n" + Workbook.solutionText(JOIN, Language.ENGLISH));
        assertThat(book.pass(JOIN, Language.ENGLISH)).isEqualTo(Workbook.Solution.KEPT);
        assertThat(Files.readString(book.solution(JOIN))).startsWith("// my notes");
    }

    @Test
    @DisplayName("saves leave no temporary file behind, and one a killed demo left is reused, not multiplied")
    void savesLeaveNoTemporaryFiles() throws Exception {
        Workbook book = started();
        Files.writeString(dir().resolve("." + Workbook.PROGRESS + ".demo-tmp"), "half a save");
        for (int i = 0; i < 5; i++) {
            book.nextHint(JOIN);
        }
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(Workbook.PROGRESS, Workbook.LOCK, JOIN.name());
        }
    }

    @Test
    @DisplayName("changes from many workbooks on one folder at once are all kept: every hint, every pass")
    void concurrentChangesAreMerged() throws Exception {
        started();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Exercise e : Exercises.ALL) {
            Thread t = new Thread(() -> {
                try {
                    Workbook mine = Workbook.open(dir()); // each its own copy, read before the others write
                    mine.nextHint(e);
                    mine.pass(e, Language.ENGLISH);
                    mine.nextHint(e);
                } catch (Throwable failed) {
                    failures.add(failed);
                }
            });
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(failures).isEmpty();
        Workbook after = Workbook.open(dir());
        assertThat(after.doneCount()).isEqualTo(Exercises.ALL.size());
        for (Exercise e : Exercises.ALL) {
            assertThat(after.hintsSeen(e)).as(e.name()).isEqualTo(Math.min(2, e.hints()));
        }
    }

    @Test
    @DisplayName("demos in other JVMs at once lose no hint: the progress is changed under a file lock")
    void otherJvmsLoseNothing() throws Exception {
        started();
        List<Process> demos = new ArrayList<>();
        try {
            for (Exercise e : Exercises.ALL.subList(0, 4)) {
                demos.add(JavaCommand.java(List.of("-cp", System.getProperty("java.class.path"), "concurrencydemo.Main",
                        "hint", e.name(), "--dir", dir().toString(), "--lang", "en")).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process p : demos) {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
        } finally {
            demos.forEach(Process::destroyForcibly);
        }
        Workbook after = Workbook.open(dir());
        for (Exercise e : Exercises.ALL.subList(0, 4)) {
            assertThat(after.hintsSeen(e)).as(e.name()).isEqualTo(1);
        }
    }

    private static IOException catchIo(ThrowingCall call) {
        try {
            call.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    private static int firstNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return i;
            }
        }
        throw new AssertionError("all ASCII");
    }
}
