package concurrencydemo.cli;

import concurrencydemo.exercises.Checker;
import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Speaking;
import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Style;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The exercise commands: {@code exercises} (the list and the progress), {@code exercise <name>}
 * (write the starter), {@code check [<name>]}, {@code hint [<name>]} and {@code watch}. What an
 * exercise is and how it is graded is in {@link Exercises}; this only talks to the student.
 */
final class ExerciseCommands {
    private ExerciseCommands() {
    }

    /** The options every exercise command takes, and the language the command speaks. */
    static final class Options implements Speaking {
        @Spec(Spec.Target.MIXEE)
        CommandSpec mixee;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "option.help")
        boolean help;

        @Option(names = "--no-color", descriptionKey = "option.noColor")
        boolean noColor;

        @Option(names = "--dir", paramLabel = "<folder>", defaultValue = Workbook.DEFAULT_DIR,
                descriptionKey = "option.dir")
        String dir;

        PrintWriter out() {
            return mixee.commandLine().getOut();
        }

        Style style() {
            return Style.detect(noColor);
        }

        private Language language = Language.ENGLISH;

        /** Told by the command line: the language the command speaks from now on. */
        @Override
        public void speak(Language language) {
            this.language = language;
        }

        Language language() {
            return language;
        }

        Texts texts() {
            return Texts.of(language()).with(Exercises.BUNDLE);
        }

        Workbook workbook() {
            Path path;
            try {
                path = Path.of(dir);
            } catch (InvalidPathException e) {
                throw new LessonOptions.UsageError(mixee, Message.of("error.dir", dir, e.getReason()));
            }
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new LessonOptions.UsageError(mixee, Message.of("error.dirNotFolder", dir));
            }
            try {
                return Workbook.open(path);
            } catch (IOException e) {
                throw new LessonOptions.UsageError(mixee, Message.of("error.progress", dir, String.valueOf(e.getMessage())));
            }
        }

        /** The exercise named {@code name}, or the workbook's current one when null. */
        Exercise exercise(String name, Workbook book) {
            if (name == null) {
                return book.current();
            }
            return Exercises.named(name).orElseThrow(() -> {
                String stem = name.substring(0, Math.min(3, name.length()));
                return Exercises.ALL.stream().map(Exercise::name).filter(n -> n.startsWith(stem)).findFirst()
                        .map(n -> new LessonOptions.UsageError(mixee, Message.of("error.exerciseDidYouMean", name, n)))
                        .orElseGet(() -> new LessonOptions.UsageError(mixee, Message.of("error.unknownExercise", name)));
            });
        }

        /** Something that reads or writes the working folder. */
        @FunctionalInterface
        interface Io<T> {
            T run() throws IOException;
        }

        /**
         * Runs {@code io}; a folder or file that cannot be read or written (no permission, a full
         * disk) is one line and exit 2, as a bad --dir is.
         */
        <T> T io(Io<T> io) {
            try {
                return io.run();
            } catch (IOException e) {
                String what = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                        ? fs.getFile() : dir;
                Object why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? fs.getReason()
                        : e instanceof java.nio.file.NoSuchFileException ? Message.of("error.io.missing")
                        : e instanceof java.nio.file.AccessDeniedException ? Message.of("error.io.denied")
                        : e instanceof java.nio.file.FileAlreadyExistsException ? Message.of("error.io.exists")
                        : e.getClass().getSimpleName();
                throw new LessonOptions.UsageError(mixee, Message.of("error.workbookIo", what, why));
            }
        }

        /** A path as the student typed it: relative to where demo runs. */
        String show(Path p) {
            return p.toString();
        }
    }

    /** Lists the exercise names for completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Exercises.ALL.stream().map(Exercise::name).iterator();
        }
    }

    /** {@code demo exercises}: every exercise in teaching order, with its status and seed section. */
    @Command(name = "exercises")
    static final class ListExercises implements Callable<Integer> {
        @Mixin
        Options options;

        @Option(names = "--names", hidden = true)
        boolean names;

        @Override
        public Integer call() {
            if (names) { // for bench/run: the names alone, in teaching order
                Exercises.ALL.forEach(e -> options.out().println(e.name()));
                options.out().flush();
                return ExitCode.OK;
            }
            Workbook book = options.workbook();
            Texts texts = options.texts();
            Style style = options.style();
            PrintWriter out = options.out();
            int width = Exercises.ALL.stream().mapToInt(e -> Width.of(e.name())).max().orElse(0);
            String todo = texts.format("exercises.todo");
            String done = texts.format("exercises.done");
            int statusWidth = Math.max(Width.of(todo), Width.of(done));
            out.println(texts.format("exercises.heading", book.doneCount(), Exercises.ALL.size()));
            out.println();
            Exercise current = book.current();
            for (Exercise e : Exercises.ALL) {
                boolean isDone = book.done(e);
                String status = Width.pad(isDone ? done : todo, statusWidth);
                String mark = e == current ? "›" : " ";
                out.println(mark + " " + (isDone ? style.good(status) : style.dim(status)) + "  "
                        + style.heading(Width.pad(e.name(), width)) + "  " + e.section()
                        + " · " + texts.format(e.text("title")));
            }
            out.println();
            out.println(book.nextToDo().map(next -> texts.format("exercises.start", next.name()))
                    .orElse(texts.format("exercises.allDone")));
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code demo exercise <name>}: writes the starter and says what to do. */
    @Command(name = "exercise")
    static final class Start implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(index = "0", paramLabel = "<name>", completionCandidates = Names.class,
                descriptionKey = "option.exerciseName")
        String name;

        @Option(names = "--reset", descriptionKey = "option.reset")
        boolean reset;

        @Override
        public Integer call() throws IOException {
            Workbook book = options.workbook();
            Exercise e = options.exercise(name, book);
            Workbook.Started what = options.io(() -> book.start(e, reset, options.language()));
            introduce(options, book, e, what);
            return ExitCode.OK;
        }
    }

    /** What {@code demo exercise} says: which file, what is wrong, how to check. */
    static void introduce(Options options, Workbook book, Exercise e, Workbook.Started what) {
        Texts texts = options.texts();
        Style style = options.style();
        PrintWriter out = options.out();
        out.println(style.heading(texts.format("exercise.heading", e.name(), texts.format(e.text("title")), e.section())));
        String file = options.show(book.file(e));
        out.println(texts.format("exercise." + switch (what) {
            case WRITTEN -> "written";
            case UNCHANGED -> "unchanged";
            case KEPT -> "kept";
            case RESET -> "reset";
        }, file, options.show(book.backup(e))));
        out.println();
        for (String line : Width.wrap(texts.format(e.text("wrong")), 78)) {
            out.println(line);
        }
        out.println();
        out.println(texts.format("exercise.open", file));
        out.println(texts.format("exercise.commands", e.name()));
        out.flush();
    }

    /** {@code demo check [<name>]}: compiles, runs and grades the student's file. */
    @Command(name = "check")
    static final class Check implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", completionCandidates = Names.class,
                descriptionKey = "option.currentExercise")
        String name;

        @Option(names = "--trials", paramLabel = "<n>", descriptionKey = "option.checkTrials")
        Integer trials;

        @Override
        public Integer call() throws Exception {
            Workbook book = options.workbook();
            Exercise e = options.exercise(name, book);
            if (trials != null && (trials < e.trials() || trials > 1000)) {
                throw new LessonOptions.UsageError(options.mixee,
                        Message.of("error.checkTrials", e.trials(), 1000, trials));
            }
            if (!Files.isRegularFile(book.file(e))) {
                throw new LessonOptions.UsageError(options.mixee,
                        Message.of("error.noExerciseFile", options.show(book.file(e)), e.name()));
            }
            Checker.Outcome outcome = check(options, book, e, trials == null ? e.trials() : trials);
            return switch (outcome.status()) {
                case PASSED -> ExitCode.OK;
                case NOT_YET, CANNOT_CHECK -> ExitCode.WRONG;
            };
        }
    }

    /** Checks {@code e} and prints what came of it; on a pass, records it and writes the solution. */
    static Checker.Outcome check(Options options, Workbook book, Exercise e, int trials)
            throws InterruptedException, IOException {
        Texts texts = options.texts();
        Style style = options.style();
        PrintWriter out = options.out();
        out.println(style.heading(texts.format("check.heading", e.name(), trials)));
        out.flush();
        long start = System.nanoTime();
        Checker.Outcome outcome = Checker.check(e, book.file(e), trials, options.language());
        double seconds = (System.nanoTime() - start) / 1e9;
        switch (outcome.status()) {
            case PASSED -> {
                options.io(() -> {
                    book.pass(e, options.language());
                    return null;
                });
                out.println(style.good(texts.format("check.passed", outcome.passed(), outcome.trials()))
                        + style.dim(texts.format("check.took", Math.round(seconds * 10) / 10.0)));
                for (String line : Width.wrap(texts.format(e.text("notice")), 76)) {
                    out.println("  " + line);
                }
                out.println(texts.format("check.solution", options.show(book.solution(e))));
                out.println(book.nextToDo()
                        .map(next -> texts.format("check.next", book.doneCount(), Exercises.ALL.size(), next.name()))
                        .orElse(texts.format("check.allDone", book.doneCount(), Exercises.ALL.size())));
            }
            case NOT_YET, CANNOT_CHECK -> {
                out.println(style.bad(texts.format(outcome.status() == Checker.Status.CANNOT_CHECK
                        ? "check.cannot" : "check.notYet", outcome.passed(), outcome.trials()))
                        + style.dim(texts.format("check.took", Math.round(seconds * 10) / 10.0)));
                for (String line : outcome.report()) {
                    // an indented line (source code and its caret, a stack frame) keeps its spaces
                    String indent = line.substring(0, line.length() - line.stripLeading().length());
                    for (String wrapped : Width.wrap(line.stripLeading(), 78 - indent.length())) {
                        out.println("  " + indent + Demo.printable(wrapped));
                    }
                }
                if (!outcome.printed().isEmpty()) {
                    out.println(texts.format("check.printed"));
                    int from = Math.max(0, outcome.printed().size() - 20);
                    for (String line : outcome.printed().subList(from, outcome.printed().size())) {
                        String shown = Demo.printable(line.replace("\t", "    "));
                        out.println("  " + style.dim(shown.length() > 200 ? shown.substring(0, 200) + " \u2026" : shown));
                    }
                }
                if (outcome.status() == Checker.Status.NOT_YET) {
                    out.println(texts.format("check.hint", e.name()));
                }
            }
        }
        out.flush();
        return outcome;
    }

    /** {@code demo hint [<name>]}: the next hint, a nudge first, stronger each time asked. */
    @Command(name = "hint")
    static final class Hint implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", completionCandidates = Names.class,
                descriptionKey = "option.currentExercise")
        String name;

        @Override
        public Integer call() throws IOException {
            Workbook book = options.workbook();
            Exercise e = options.exercise(name, book);
            int n = options.io(() -> book.nextHint(e));
            Texts texts = options.texts();
            PrintWriter out = options.out();
            out.println(options.style().heading(texts.format("hint.heading", e.name(), n, e.hints())));
            for (String line : Width.wrap(texts.format(e.text("hint." + n)), 78)) {
                out.println("  " + line);
            }
            out.println(texts.format(n < e.hints() ? "hint.more" : "hint.last", e.name()));
            out.flush();
            return ExitCode.OK;
        }
    }

    /**
     * {@code demo watch}: checks the current exercise whenever its file is saved, and goes on to the
     * next once it passes. Without file watching (or with {@code --manual}), Enter checks.
     */
    @Command(name = "watch")
    static final class Watch implements Callable<Integer> {
        /** How long the file must be quiet after a change before it is checked: editors write in steps. */
        static final long SETTLE_MILLIS = 300;

        @Mixin
        Options options;

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
            for (Exercise e = book.nextToDo().orElse(null); e != null; e = book.nextToDo().orElse(null)) {
                Exercise current = e;
                Workbook.Started what = options.io(() -> book.start(current, false, options.language()));
                introduce(options, book, e, what);
                out.println();
                boolean passed = check(options, book, e, e.trials()).status() == Checker.Status.PASSED;
                while (!passed) {
                    if (!waitForSave(book, e, texts, out)) {
                        return ExitCode.OK; // stopped by the student
                    }
                    out.println();
                    passed = check(options, book, e, e.trials()).status() == Checker.Status.PASSED;
                }
                out.println();
            }
            out.flush();
            return ExitCode.OK;
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
}
