package concurrencydemo.cli;

import concurrencydemo.Cli;
import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.report.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercise commands as a student meets them: exercises, exercise, check, hint and watch. */
@Timeout(120)
class ExerciseCommandsTest {
    @TempDir
    Path tmp;

    private Cli.Result demo(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--dir";
        all[args.length + 1] = tmp.resolve("work").toString();
        all[args.length + 2] = "--no-color";
        return Cli.run(all);
    }

    private Path file(String name) {
        Exercise e = Exercises.named(name).orElseThrow();
        return tmp.resolve("work").resolve(name).resolve(e.fileName());
    }

    @Test
    @DisplayName("exercises lists every exercise in teaching order, with the seed section and the progress")
    void listShowsEveryExercise() {
        Cli.Result r = demo("exercises");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("0/" + Exercises.ALL.size());
        int at = -1;
        for (Exercise e : Exercises.ALL) {
            int i = r.out().indexOf(e.name() + " ");
            assertThat(i).withFailMessage("%s missing or out of order:%n%s", e.name(), r.out()).isGreaterThan(at);
            assertThat(r.out()).contains(e.section().chinese());
            at = i;
        }
    }

    @Test
    @DisplayName("a command demo suggests works as typed: it names the same working folder (--dir), quoted when it must be")
    void suggestedCommandsKeepTheFolder() throws Exception {
        String dir = tmp.resolve("work").toString();
        assertThat(demo("exercises").out()).contains("./demo exercise join-threads --dir " + dir + "\n")
                .contains("./demo watch --dir " + dir + ":");
        assertThat(demo("exercise", "join-threads").out()).contains("./demo check join-threads --dir " + dir + "\n")
                .contains("./demo hint join-threads --dir " + dir);
        assertThat(demo("hint", "join-threads").out()).contains("./demo hint join-threads --dir " + dir);
        Path spaced = tmp.resolve("my work");
        Cli.Result r = Cli.run("exercises", "--dir", spaced.toString(), "--no-color");
        assertThat(r.out()).contains("./demo exercise join-threads --dir '" + spaced + "'");
        ExerciseOptions defaults = new ExerciseOptions();
        defaults.dir = Workbook.DEFAULT_DIR;
        assertThat(defaults.asTyped("join-threads")).isEqualTo("join-threads"); // the default folder goes unsaid
        defaults.dir = "it's";
        assertThat(defaults.dirOption()).isEqualTo(" --dir 'it'\\''s'");
    }

    @Test
    @DisplayName("exercise writes the starter, keeps a file the student changed, and --reset starts over keeping a copy")
    void exerciseNeverOverwritesTheStudentsWork() throws Exception {
        Exercise e = Exercises.named("shared-counter").orElseThrow();
        Cli.Result first = demo("exercise", e.name());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains(file(e.name()).toString()).contains("./demo check shared-counter");
        assertThat(Files.readString(file(e.name()))).isEqualTo(Workbook.starter(e, Language.ENGLISH));

        Files.writeString(file(e.name()), "// mine\n" + Workbook.starter(e, Language.ENGLISH));
        Cli.Result again = demo("exercise", e.name());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("kept");
        assertThat(Files.readString(file(e.name()))).startsWith("// mine");

        Cli.Result reset = demo("exercise", e.name(), "--reset");
        assertThat(reset.exitCode()).isZero();
        assertThat(Files.readString(file(e.name()))).isEqualTo(Workbook.starter(e, Language.ENGLISH));
        assertThat(Files.readString(file(e.name()).resolveSibling(e.fileName() + ".bak"))).startsWith("// mine");
    }

    @Test
    @DisplayName("a bad name or a missing file is one line on stderr and exit 2")
    void badInputIsAUsageError() {
        Cli.Result unknown = demo("exercise", "shared-countr");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("shared-counter");

        Cli.Result noFile = demo("check", "pool-map");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err().strip().lines()).hasSize(1);
        assertThat(noFile.err()).contains("demo exercise pool-map");

        Cli.Result tooFew = demo("check", "pool-map", "--trials", "1");
        assertThat(tooFew.exitCode()).isEqualTo(2);
        assertThat(tooFew.err().strip().lines()).hasSize(1);
    }

    @Test
    @DisplayName("a working folder that cannot be made or written is no usage error: one line on stderr and exit 1")
    void unwritableFolderIsExitOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        for (String dir : List.of(file.resolve("work").toString(), file.resolve("work").resolve("deeper").toString())) {
            Cli.Result r = Cli.run("exercise", "join-threads", "--dir", dir, "--no-color");
            assertThat(r.exitCode()).withFailMessage("exit %d: %s", r.exitCode(), r.err()).isEqualTo(ExitCode.WRONG);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).startsWith("demo: ").contains("a-file").doesNotContain("--help", "Exception");
        }
    }

    @Test
    @DisplayName("check runs nothing where a pass would write through a link: one line on stderr, exit 2, the link's target untouched")
    void checkRefusesALinkBeforeItRuns() throws Exception {
        Exercise e = Exercises.named("join-threads").orElseThrow();
        demo("exercise", e.name());
        Files.writeString(file(e.name()), Workbook.solutionText(e, Language.ENGLISH));
        Path target = Files.writeString(tmp.resolve("important.txt"), "mine");
        Path solution = file(e.name()).resolveSibling("solution").resolve(e.fileName());
        Files.createDirectories(solution.getParent());
        Files.createSymbolicLink(solution, target);
        Cli.Result r = demo("check", e.name());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("demo: " + solution + " is a symbolic link").doesNotContain("Exception");
        assertThat(target).hasContent("mine");
    }

    @Test
    @DisplayName("a file not saved as UTF-8 is one line, in the student's language, saying to save it as UTF-8, and exit 2")
    void aFileInAnotherEncodingIsOneLine() throws Exception {
        Exercise e = Exercises.named("shared-counter").orElseThrow();
        demo("exercise", e.name(), "--lang", "zh-CN");
        Files.write(file(e.name()), Workbook.starter(e, Language.SIMPLIFIED_CHINESE).getBytes(java.nio.charset.Charset.forName("GBK")));
        Cli.Result kept = demo("exercise", e.name()); // kept as it is, and said at once that check will refuse it
        assertThat(kept.exitCode()).isZero();
        assertThat(kept.out()).contains("kept as it is").contains("is not saved as UTF-8");
        for (String[] lang : List.of(new String[] {"--lang", "en"}, new String[] {"--lang", "zh-CN"})) {
            Cli.Result r = demo("check", e.name(), lang[0], lang[1]);
            assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains(file(e.name()).toString()).contains("UTF-8")
                    .contains(lang[1].equals("en") ? "save it again as UTF-8" : "另存为 UTF-8");
        }
    }

    @Test
    @DisplayName("a working folder every user can write is refused in one line that says how to go on; --trust-folder goes on")
    void aFolderOthersCanWriteIsRefused() throws Exception {
        org.assertj.core.api.Assumptions.assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        demo("exercise", "join-threads");
        Files.setPosixFilePermissions(tmp.resolve("work"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        for (String command : List.of("exercise", "check", "hint")) {
            Cli.Result r = demo(command, "join-threads");
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCode.USAGE);
            assertThat(r.out()).as(command).isEmpty();
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.err()).contains("every user can write in").contains("chmod go-w").contains("--dir")
                    .contains("--trust-folder");
        }
        Cli.Result trusted = demo("hint", "join-threads", "--trust-folder");
        assertThat(trusted.exitCode()).withFailMessage(trusted.err()).isZero();
        assertThat(trusted.out()).contains("Hint 1 of").contains("--trust-folder"); // its suggestions work there too
    }

    @Test
    @DisplayName("a pass in a folder demo cannot write still shows the verdict, then says in one line what could not be recorded")
    void aPassInAReadOnlyFolderKeepsItsVerdict() throws Exception {
        org.assertj.core.api.Assumptions.assumeThat(tmp.getFileSystem().supportedFileAttributeViews()).contains("posix");
        org.assertj.core.api.Assumptions.assumeThat(Files.getOwner(Path.of("/proc/self")).getName())
                .as("root writes through any mode").isNotEqualTo("root");
        Exercise e = Exercises.named("join-threads").orElseThrow();
        demo("exercise", e.name());
        Files.writeString(file(e.name()), Workbook.solutionText(e, Language.ENGLISH));
        Path folder = file(e.name()).getParent();
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Cli.Result r = demo("check", e.name());
            assertThat(r.exitCode()).isEqualTo(ExitCode.WRONG);
            assertThat(r.out()).contains("Passed");
            assertThat(r.err().strip().lines()).hasSize(1);
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    @DisplayName("a folder where demo writes a temporary file is named in one line, exit 1, and says a folder is in the way")
    void aFolderInTheWayIsOneLine() throws Exception {
        demo("exercise", "join-threads");
        Files.createDirectories(tmp.resolve("work").resolve("." + Workbook.PROGRESS + ".demo-tmp").resolve("x"));
        Cli.Result r = demo("hint");
        assertThat(r.exitCode()).isEqualTo(ExitCode.WRONG);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("a folder is in the way").doesNotContain("Exception");
    }

    @Test
    @DisplayName("hints come in layers: a nudge first, a stronger one each time, the last one repeated")
    void hintsComeInLayers() {
        Exercise e = Exercises.named("task-done").orElseThrow();
        demo("exercise", e.name());
        String previous = "";
        for (int n = 1; n <= e.hints() + 1; n++) {
            Cli.Result r = demo("hint");
            assertThat(r.exitCode()).withFailMessage(r.err()).isZero();
            int shown = Math.min(n, e.hints());
            assertThat(r.out()).contains("Hint " + shown + " of " + e.hints());
            if (n <= e.hints()) {
                assertThat(r.out()).isNotEqualTo(previous);
            }
            previous = r.out();
        }
    }

    @Test
    @DisplayName("check: exit 1 and a hint on the starter, no solution shown; exit 0 once fixed, solution and progress written")
    void checkGradesAndRecordsProgress() throws Exception {
        Exercise e = Exercises.named("join-threads").orElseThrow();
        demo("exercise", e.name());
        Cli.Result starter = demo("check");
        assertThat(starter.exitCode()).withFailMessage(starter.out()).isEqualTo(1);
        assertThat(starter.out()).contains("Not yet").contains("./demo hint join-threads");
        Path solution = file(e.name()).resolveSibling("solution").resolve(e.fileName());
        assertThat(solution).doesNotExist();

        Files.writeString(file(e.name()), Workbook.solutionText(e, Language.ENGLISH));
        demo("exercise", "task-done"); // the current one now; what comes next counts from the one that passed
        Cli.Result fixed = demo("check", e.name());
        assertThat(fixed.exitCode()).withFailMessage(fixed.out()).isZero();
        assertThat(fixed.out()).contains("Passed").contains("Next: ./demo exercise shared-counter");
        assertThat(solution).hasContent(Workbook.solutionText(e, Language.ENGLISH));
        assertThat(demo("exercises").out()).contains("1/" + Exercises.ALL.size());
        assertThat(tmp.resolve("work").resolve(Workbook.PROGRESS)).content().contains("done=join-threads");
    }

    @Test
    @DisplayName("watch checks the file when it is saved (by rename, as many editors do) and goes on to the next exercise")
    void watchChecksOnSaveAndMovesOn() throws Exception {
        Exercise e = Exercises.named("join-threads").orElseThrow();
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watch = new Thread(() -> exit.set(Demo.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                Language.ENGLISH).execute("watch", "--dir", tmp.resolve("work").toString(), "--no-color")));
        watch.start();
        try {
            awaitOutput(out, "Watching " + file(e.name()));
            assertThat(out.toString()).contains("Not yet");
            // another terminal records a pass meanwhile: watch goes on after it, and keeps it
            Workbook.open(tmp.resolve("work")).pass(Exercises.named("shared-counter").orElseThrow(), Language.ENGLISH);
            // a save in the wrong encoding is said in one line, and watch waits for the next save
            Files.write(file(e.name()), Workbook.starter(e, Language.SIMPLIFIED_CHINESE).getBytes(java.nio.charset.Charset.forName("GBK")));
            awaitOutput(out, "is not saved as UTF-8");
            Path saved = file(e.name()).resolveSibling(".JoinThreads.java.swp");
            Files.writeString(saved, Workbook.solutionText(e, Language.ENGLISH), StandardCharsets.UTF_8);
            Files.move(saved, file(e.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            awaitOutput(out, "Watching " + file("stranded-lock"));
            String said = out.toString();
            assertThat(said.indexOf("Passed")).isGreaterThan(said.indexOf("not saved as UTF-8"));
            assertThat(said).contains("Exercise stranded-lock").doesNotContain("Exercise shared-counter");
            assertThat(Workbook.open(tmp.resolve("work")).doneCount()).isEqualTo(2);
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertThat(watch.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    @DisplayName("watch sees a save after the exercise's folder was deleted and made again")
    void watchSeesAFolderMadeAgain() throws Exception {
        Path file = file("join-threads");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "first");
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                WatchCommand.awaitChange(file);
                seen.countDown();
            } catch (InterruptedException stopped) {
                // the test gave up
            }
        });
        waiter.start();
        try {
            Thread.sleep(WatchCommand.POLL_MILLIS * 2); // it has looked at the file as it was
            Files.delete(file);
            Files.delete(file.getParent());
            Files.createDirectories(file.getParent());
            Files.writeString(file, "second");
            assertThat(seen.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            waiter.interrupt();
            waiter.join(10_000);
        }
        assertThat(waiter.isAlive()).isFalse();
    }

    @Test
    @DisplayName("watch with every exercise done says so, and ends")
    void watchWithNothingLeftSaysSo() throws Exception {
        Workbook book = Workbook.open(tmp.resolve("work"));
        for (Exercise e : Exercises.ALL) {
            book.pass(e, Language.ENGLISH);
        }
        Cli.Result r = demo("watch");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Every exercise is done").doesNotContain("Checking");
    }

    @Test
    @DisplayName("Ctrl-C during a check is no verdict: said once, exit 130, no workspace left in TMPDIR, the child's included")
    void anInterruptedCheckIsNotGraded() throws Exception {
        demo("exercise", "task-done");
        Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
        Process demo = demoProcess(tmpdir, "check", "task-done");
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            // the check has begun once its child JVM runs
            while (demo.descendants().noneMatch(p -> p.info().command().orElse("").endsWith("java"))) {
                assertThat(System.nanoTime()).withFailMessage(Files.readString(tmp.resolve("err.txt"))).isLessThan(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(1000); // and has made its workspace
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(demo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
        String out = Files.readString(tmp.resolve("out.txt"));
        String err = Files.readString(tmp.resolve("err.txt"));
        assertThat(demo.exitValue()).withFailMessage("%s%n%s", out, err).isEqualTo(130);
        assertThat(out).contains("Checking task-done").doesNotContain("Not yet", "Passed");
        assertThat(err.strip().lines()).containsExactly("demo: interrupted; stopping its child processes and removing its temporary files");
        try (java.util.stream.Stream<Path> left = Files.list(tmpdir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @DisplayName("what the student's code started goes when the check ends, even daemonized and after System.exit")
    void theStudentsProcessesDieWithTheCheck() throws Exception {
        Exercise e = Exercises.named("join-threads").orElseThrow();
        demo("exercise", e.name());
        String token = concurrencydemo.multiprocessing.Sleeps.token(3133);
        Files.writeString(file(e.name()), Workbook.solutionText(e, Language.ENGLISH).replace(
                "public static int run(Work work) throws InterruptedException {",
                "public static int run(Work work) throws Exception {\n"
                        + "        new ProcessBuilder(\"sh\", \"-c\", \"sleep " + token + " </dev/null >/dev/null 2>&1 &\").start().waitFor();\n"
                        + "        System.exit(3);"));
        Cli.Result r = demo("check", e.name());
        assertThat(r.exitCode()).withFailMessage(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("Not yet");
        concurrencydemo.multiprocessing.Sleeps.assertAllGone(token, "the check");
    }

    @Test
    @DisplayName("a TMPDIR demo cannot use is demo's trouble, not the student's: one line saying so, exit 1, no grade")
    void anUnusableTmpdirIsNotTheStudentsFault() throws Exception {
        demo("exercise", "join-threads");
        Process demo = demoProcess(tmp.resolve("no-such-folder"), "check", "join-threads");
        try {
            assertThat(demo.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            demo.destroyForcibly();
        }
        String out = Files.readString(tmp.resolve("out.txt"));
        String err = Files.readString(tmp.resolve("err.txt"));
        assertThat(demo.exitValue()).withFailMessage("%s%n%s", out, err).isEqualTo(ExitCode.WRONG);
        assertThat(out).doesNotContain("Not yet", "hint");
        assertThat(err.strip().lines()).hasSize(1);
        assertThat(err).contains("no-such-folder", "set TMPDIR").doesNotContain("Exception", "--verbose");
    }

    /**
     * demo in a JVM of its own, on the test's working folder, in English, with {@code tmpdir} as its
     * TMPDIR; its output in out.txt and err.txt.
     */
    private Process demoProcess(Path tmpdir, String... args) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), "concurrencydemo.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--dir", tmp.resolve("work").toString(), "--lang", "en", "--no-color"));
        ProcessBuilder pb = concurrencydemo.multiprocessing.JavaCommand.java(command);
        pb.environment().put("TMPDIR", tmpdir.toString());
        return pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
    }

    private static void awaitOutput(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!out.toString().contains(text)) {
            assertThat(System.nanoTime()).withFailMessage("never printed %s:%n%s", text, out).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
