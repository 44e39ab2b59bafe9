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
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo watch}: checks the current exercise whenever its file is saved, and goes on to the
 * next once it passes. Without file watching (or with {@code --manual}), Enter checks.
 */
@Command(name = "watch")
final class WatchCommand implements Callable<Integer> {
    /** How long the file must be quiet after a change before it is checked: editors write in steps. */
    static final long SETTLE_MILLIS = 300;

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
        try {
            if (book.source(e).isEmpty()) {
                options.out().println(options.texts().format("error.noExerciseFile", options.show(book.file(e)), options.asTyped(e.name())));
                return false;
            }
        } catch (FolderException refused) {
            if (!refused.path().endsWith(Path.of(e.name(), e.fileName()))) {
                throw options.refused(refused); // a link, a folder others can write: no save puts that right
            }
            options.out().println(options.texts().format(options.refused(refused).reason()));
            return false;
        }
        return CheckCommand.check(options, book, e, e.trials()).status() == Checker.Status.PASSED;
    }

    /** Waits for the next save of {@code e}'s file (or Enter, in manual mode); false: stop. */
    private boolean waitForSave(Workbook book, Exercise e, Texts texts, PrintWriter out) throws Exception {
        Path file = book.file(e).toAbsolutePath();
        if (!manual) {
            WatchService watcher;
            try {
                watcher = FileSystems.getDefault().newWatchService();
                file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            } catch (IOException | UnsupportedOperationException unavailable) {
                out.println(texts.format("watch.unavailable", String.valueOf(unavailable.getMessage())));
                manual = true;
                return waitForSave(book, e, texts, out);
            }
            try (watcher) {
                out.println(texts.format("watch.waiting", options.show(book.file(e))));
                out.flush();
                return awaitChange(watcher, file);
            }
        }
        out.println(texts.format("watch.manual", options.show(book.file(e))));
        out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line != null && !line.trim().equalsIgnoreCase("q");
    }

    /**
     * Waits until {@code file} is created (an editor that saves by renaming a new file over it)
     * or modified, then until it has been quiet for {@link #SETTLE_MILLIS}.
     */
    private static boolean awaitChange(WatchService watcher, Path file) throws InterruptedException {
        try {
            boolean changed = false;
            while (!changed) {
                WatchKey key = watcher.take();
                changed = touches(key, file);
                key.reset();
            }
            WatchKey more;
            while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                more.pollEvents();
                more.reset();
            }
            return true;
        } catch (ClosedWatchServiceException closed) {
            return false;
        }
    }

    private static boolean touches(WatchKey key, Path file) {
        boolean touched = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || file.getFileName().equals(event.context())) {
                touched = true;
            }
        }
        return touched;
    }
}
