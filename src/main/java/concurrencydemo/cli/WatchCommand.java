package concurrencydemo.cli;

import concurrencydemo.exercises.Checker;
import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.FolderException;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.report.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code demo watch}: checks the current exercise whenever its file is saved, and goes on to the
 * next once it passes. With {@code --manual}, Enter checks instead.
 */
@Command(name = "watch")
final class WatchCommand implements Callable<Integer> {
    /** How long the file must be quiet after a change before it is checked: editors write in steps. */
    static final long SETTLE_MILLIS = 300;
    /** How often the file is looked at: a save is seen within this. */
    static final long POLL_MILLIS = 200;

    @Mixin
    ExerciseOptions options;

    @Option(names = "--manual", descriptionKey = "option.manual")
    boolean manual;

    @Override
    public Integer call() throws Exception {
        try {
            return watch();
        } catch (InterruptedException stopped) {
            return ExitCode.OK; // stopped from outside: nothing is left running (each check closed its own)
        }
    }

    private int watch() throws Exception {
        Workbook book = options.workbook();
        Texts texts = options.texts();
        PrintWriter out = options.out();
        if (next(book) == null) {
            out.println(texts.format("exercises.allDone", options.dirOption()));
        }
        for (Exercise e = next(book); e != null; e = next(book)) {
            Exercise current = e;
            Workbook.Started what = options.io(() -> book.start(current, false, options.language()));
            ExerciseCommand.introduce(options, book, e, what);
            out.println();
            boolean passed = check(book, e);
            while (!passed) {
                if (!waitForSave(book, e, texts, out)) {
                    return ExitCode.OK; // stopped by the student
                }
                out.println();
                passed = check(book, e);
            }
            out.println();
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The next exercise to do, by the progress as it is now: another terminal may have recorded some. */
    private Exercise next(Workbook book) {
        options.io(() -> {
            book.refresh();
            return null;
        });
        return book.nextToDo().orElse(null);
    }

    /**
     * Checks {@code e}, or, when its file is one demo will not read (not UTF-8, too large, gone),
     * says so in one line and waits for the next save: the student can put it right in the editor.
     */
    private boolean check(Workbook book, Exercise e) throws Exception {
        String source;
        try {
            java.util.Optional<String> read = book.source(e);
            if (read.isEmpty()) {
                options.out().println(options.texts().format("error.noExerciseFile", options.show(book.file(e)), options.asTyped(e.name())));
                return false;
            }
            source = read.get();
        } catch (FolderException refused) {
            if (!refused.path().endsWith(Path.of(e.name(), e.fileName()))) {
                throw options.refused(refused); // a link, a folder others can write: no save puts that right
            }
            options.out().println(options.texts().format(options.refused(refused).reason()));
            return false;
        }
        return CheckCommand.check(options, book, e, source, e.trials()).status() == Checker.Status.PASSED;
    }

    /** Waits for the next save of {@code e}'s file (or Enter, in manual mode); false: stop. */
    private boolean waitForSave(Workbook book, Exercise e, Texts texts, PrintWriter out) throws Exception {
        if (!manual) {
            out.println(texts.format("watch.waiting", options.show(book.file(e))));
            out.flush();
            awaitChange(book.file(e).toAbsolutePath());
            return true;
        }
        out.println(texts.format("watch.manual", options.show(book.file(e))));
        out.flush();
        String line;
        try {
            line = stdin().readLine();
        } catch (IOException closed) { // no standard input at all (<&-): nothing will ever press Enter
            line = null;
        }
        return line != null && !line.trim().equalsIgnoreCase("q");
    }

    private BufferedReader stdin;

    /** One reader for the whole watch: a new one each time would lose what the last one buffered. */
    private BufferedReader stdin() {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return stdin;
    }

    /**
     * Waits until {@code file} changes (written, replaced by an editor that saves by renaming a new
     * file over it, deleted, or made again with its folder), then until it has been quiet for
     * {@link #SETTLE_MILLIS}: editors write in steps. It looks at the one file's time, size and
     * identity every {@link #POLL_MILLIS}, the same on every system: the JDK's own file watcher
     * polls the folder every 2 s on macOS (10 s before JDK 17.0.5), and goes deaf when the folder
     * it watches is deleted.
     */
    static void awaitChange(Path file) throws InterruptedException {
        Object seen = stamp(file);
        Object now;
        while ((now = stamp(file)).equals(seen)) {
            Thread.sleep(POLL_MILLIS);
        }
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < SETTLE_MILLIS * 1_000_000) {
            Thread.sleep(POLL_MILLIS / 2);
            Object later = stamp(file);
            if (!later.equals(now)) {
                now = later;
                quietSince = System.nanoTime();
            }
        }
    }

    /** What tells one version of {@code file} from the next; the link itself, when it is one. */
    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            // and what is in it: a save within a coarse clock's tick, of the same size, still counts
            int content = a.isRegularFile() && a.size() <= 1 << 20 ? java.util.Arrays.hashCode(Files.readAllBytes(file)) : 0;
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()), a.isRegularFile(), content);
        } catch (IOException absent) {
            return List.of();
        }
    }
}
