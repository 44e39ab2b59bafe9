package concurrencydemo.framework;

import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.multiprocessing.WorkspaceException;
import concurrencydemo.report.JsonReport;
import concurrencydemo.report.LessonReport;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Progress;
import concurrencydemo.report.Role;
import concurrencydemo.report.Style;
import concurrencydemo.report.TextReport;
import concurrencydemo.report.Texts;
import concurrencydemo.report.TrialsResult;
import concurrencydemo.report.VariantResult;
import concurrencydemo.report.Verdict;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * Runs lessons: each variant on a thread of its own under a time bound, its output rendered as it
 * comes, its stage cleaned up whatever happens, then the verdicts and a summary.
 */
public final class Runner {
    /** How long a variant's thread may take to end once it is told to stop. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private Runner() {
    }

    /**
     * Runs {@code lessons} in order and renders them as text or as one JSON document. With JSON,
     * a run stopped by a signal still writes a valid document: the variants that finished, and
     * {@code "interrupted": true}.
     *
     * @return {@link ExitCode#OK} when every variant that must hold held, else {@link ExitCode#WRONG}
     */
    public static int runLessons(List<Lesson> lessons, LessonOptions options, PrintWriter out,
                                 PrintWriter err, boolean asCollection) {
        boolean json = options.json();
        Texts texts = Lesson.texts(options.language(), lessons);
        TextReport text = json ? null : new TextReport(out, Style.detect(options.noColor()), texts);
        Results results = new Results(lessons, asCollection, texts);
        boolean failed = false;
        Thread onSignal = json ? new Thread(() -> results.writeOnce(out, true), "json-on-signal") : null;
        if (onSignal != null) {
            try {
                Runtime.getRuntime().addShutdownHook(onSignal);
            } catch (IllegalStateException signalledAlready) { // a signal before any lesson began
                results.writeOnce(out, true);
                return ExitCode.WRONG;
            }
        }
        Workspace.sweepOrphans(); // what earlier runs killed outright left behind, thread lessons included
        try {
            for (Lesson lesson : lessons) {
                if (stopping(out)) {
                    break;
                }
                if (text != null && results.lessonsDone() > 0) {
                    out.println();
                    out.println();
                }
                LessonReport report;
                try {
                    report = run(lesson, options, out, text, err, results, texts);
                } catch (Unusable e) {
                    err.println(texts.format("notice.error", texts.format(e.reason)));
                    err.flush();
                    results.lessonFailed(texts.format(e.reason));
                    failed = true;
                    break;
                }
                if (stopping(out)) {
                    break; // Ctrl-C, a signal, or nobody reading: no summary
                }
                if (text != null) {
                    text.summary(report, lesson.heading());
                }
            }
            if (text != null && asCollection && !stopping(out) && !failed) {
                text.overall(results.reports());
            }
        } finally {
            if (onSignal != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, or has run: it writes the document
                }
            }
        }
        if (json) {
            results.writeOnce(out, false);
        }
        return results.passed() && !failed && !outputBroken(out) ? ExitCode.OK : ExitCode.WRONG;
    }

    /** Whether to stop running lessons: the JVM is shutting down (Ctrl-C, a signal), or no one reads the output. */
    private static boolean stopping(PrintWriter out) {
        return Workspace.shuttingDown() || outputBroken(out);
    }

    /**
     * Whether the output can no longer be written (a closed pipe, a full disk): then running on
     * would only start processes for nobody. The writer's own flag, and the flag of the
     * {@code System.out} beneath it, which swallows its errors.
     */
    private static boolean outputBroken(PrintWriter out) {
        return out.checkError() || System.out.checkError();
    }

    /** demo cannot run here at all (its temporary directory cannot be made): said once, and the run stops. */
    static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** Why, in words for the user. */
        final transient Message reason;

        Unusable(Message reason, Throwable cause) {
            super(reason.key(), cause);
            this.reason = reason;
        }
    }


    /**
     * The reports so far, shared by the thread that runs the lessons and, on a signal, the
     * shutdown hook that writes them. The JSON document is written once, by whichever comes first.
     */
    static final class Results {
        private final List<Lesson> lessons;
        private final boolean asCollection;
        private final Texts texts;
        /** Guarded by this. */
        private final List<LessonReport> done = new ArrayList<>();
        /** Guarded by this: the lesson running now, and its finished variants. */
        private LessonReport current;
        /** Guarded by this. */
        private boolean written;

        Results(List<Lesson> lessons, boolean asCollection, Texts texts) {
            this.lessons = lessons;
            this.asCollection = asCollection;
            this.texts = texts;
        }

        synchronized void begin(LessonReport report) {
            current = report;
        }

        synchronized void variantDone(VariantResult result) {
            List<VariantResult> variants = new ArrayList<>(current.variants());
            variants.add(result);
            current = current.withVariants(variants);
        }

        /** The lesson running now could not run at all, for {@code why}: it and the run have failed. */
        synchronized void lessonFailed(String why) {
            current = current.failedBy(why);
            lessonDone();
        }

        synchronized LessonReport lessonDone() {
            LessonReport report = current;
            done.add(report);
            current = null;
            return report;
        }

        synchronized List<LessonReport> reports() {
            return List.copyOf(done);
        }

        synchronized int lessonsDone() {
            return done.size();
        }

        synchronized boolean passed() {
            return done.stream().allMatch(LessonReport::passed);
        }

        /** Writes the JSON document, unless it was written already. */
        void writeOnce(PrintWriter out, boolean interrupted) {
            String doc;
            synchronized (this) {
                if (written) {
                    return;
                }
                written = true;
                List<LessonReport> reports = new ArrayList<>(done);
                if (interrupted && current != null) {
                    reports.add(current.cutShort());
                }
                doc = asCollection || lessons.size() != 1
                        ? JsonReport.all(reports, interrupted, texts)
                        : JsonReport.lesson(reports.isEmpty() // stopped before the lesson began
                                ? new LessonReport(lessons.get(0).name(), "", List.of(), List.of(), interrupted)
                                : reports.get(0), texts);
            }
            out.println(doc);
            out.flush();
        }
    }

    static LessonReport run(Lesson lesson, LessonOptions options, PrintWriter out, TextReport text,
                            PrintWriter err, Results results, Texts texts) {
        List<String> sections = lesson.sections().stream().map(Section::chinese).toList();
        List<String> notices = lesson.notices().stream().map(texts::format).toList();
        results.begin(new LessonReport(lesson.name(), lesson.title(), sections, List.of()).withNotices(notices));
        if (text != null) {
            text.lessonHeading(lesson.heading(), lesson.title(), sections);
            notices.forEach(text::notice);
            if (options.trace() && !lesson.traces()) {
                text.notice(texts.format("runner.noTrace"));
            }
            if (options.window() != null && !lesson.hasWindow()) {
                text.notice(texts.format("runner.noWindow"));
            }
        }
        List<Variant> variants = lesson.variants();
        List<VariantResult> done = new ArrayList<>();
        Progress progress = Progress.forTerminal(err);
        Duration bound = options.timeout(lesson.serialWindows());
        int tableStart = 0;
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            if (i > 0 && stopping(out)) {
                break;
            }
            String label = texts.format(v.labelKey());
            if (text != null) {
                text.variantHeading(i + 1, variants.size(), label, v.section().chinese(), v.role());
            }
            String guess = options.trials() > 0 ? null : predict(options, text, texts, v);
            Run run = new Run(lesson.name(), v, label, options, bound, texts, err);
            VariantResult result = options.trials() > 0 ? runTrials(run, progress) : runVariant(run, text);
            done.add(result);
            results.variantDone(result);
            if (text != null && options.trials() > 0) {
                text.trialsVerdict(result);
                // each fixed variant beside the racy ones before it: the same program, with and without
                if (v.role() == Role.FIXED || i == variants.size() - 1) {
                    text.trialsTable(done.subList(tableStart, done.size()));
                    tableStart = done.size();
                }
            } else if (text != null) {
                text.verdict(result);
                if (guess != null && !guess.isBlank()) {
                    text.predictionCheck(guess.strip(), result);
                }
            }
        }
        return results.lessonDone();
    }

    /**
     * With {@code --pause} on a terminal: before a variant runs, asks the class to predict what
     * it will end with and waits for Enter, so that an instructor can talk it over. Returns what
     * was typed (perhaps nothing), or null when there was no pause. Ignored when stdin is not a
     * terminal, so a pipe or a script never blocks.
     */
    static String predict(LessonOptions options, TextReport text, Texts texts, Variant v) {
        java.io.Console console = System.console();
        if (!options.pause() || console == null || text == null) {
            return null;
        }
        text.predictionPrompt(texts.format(v.question()));
        String line = console.readLine();
        return line == null ? "" : line;
    }

    /** One variant to run, and what running it needs. */
    record Run(String lesson, Variant v, String label, LessonOptions options, Duration bound, Texts texts,
               PrintWriter err) {
    }

    /**
     * Runs {@code --trials} trials of one variant, each trial under {@code bound}, and grades them
     * together: a fixed variant is broken if any trial was wrong.
     */
    static VariantResult runTrials(Run run, Progress progress) {
        Variant v = run.v();
        LessonOptions options = run.options();
        int n = options.trials();
        long start = System.nanoTime();
        progress.start(run.label(), n);
        try (Stage stage = new Stage(line -> { }, run.texts(), options.window())) {
            Attempt<List<Outcome>> attempt = attempt(run, stage, progress::done, () -> {
                if (v.trials() != null) {
                    return v.trials().run(stage, n, progress::step);
                }
                List<Outcome> outcomes = new ArrayList<>(n);
                for (int i = 0; i < n && !Thread.currentThread().isInterrupted(); i++) {
                    // tracked by the variant's stage, so that stopping the variant stops the trial too
                    try (Stage trial = stage.track(new Stage(line -> { }, run.texts(), options.window()))) {
                        outcomes.add(v.body().run(trial));
                        stage.untrack(trial);
                    }
                    progress.step();
                }
                return outcomes;
            });
            progress.finish();
            Outcome outcome = attempt.failure();
            Verdict verdict = attempt.verdict();
            TrialsResult trials = null;
            if (outcome == null) {
                List<Outcome> outcomes = attempt.value();
                trials = TrialsResult.of(outcomes, Duration.ofNanos(System.nanoTime() - start));
                // the verdict on all trials is the verdict on the first that went wrong, if any
                outcome = outcomes.stream().filter(o -> !o.correct()).findFirst()
                        .orElse(outcomes.get(outcomes.size() - 1));
                verdict = Verdict.of(v.role(), outcome);
            }
            return new VariantResult(v.name(), run.label(), v.section().chinese(), v.role(), outcome, List.of(),
                    Duration.ofNanos(System.nanoTime() - start), verdict, trials);
        }
    }

    /**
     * Runs one variant under {@code bound}; never leaves a thread or child behind. Throws only
     * {@link Unusable}, when demo cannot make its temporary files at all.
     */
    static VariantResult runVariant(Run run, TextReport text) {
        Variant v = run.v();
        long start = System.nanoTime();
        try (Stage stage = new Stage(text == null ? line -> { } : text::programLine, run.texts(),
                run.options().window(), run.options().trace())) {
            Attempt<Outcome> attempt = attempt(run, stage, null, () -> v.body().run(stage));
            Outcome outcome = attempt.failure() != null ? attempt.failure() : attempt.value();
            Verdict verdict = attempt.failure() != null ? attempt.verdict() : Verdict.of(v.role(), outcome);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new VariantResult(v.name(), run.label(), v.section().chinese(), v.role(), outcome, stage.transcript(),
                    elapsed, verdict, null);
        }
    }

    /**
     * What running a program on a thread of its own came to: its value, or, when it got stuck,
     * failed or was interrupted, the outcome and verdict that say so.
     */
    private record Attempt<T>(T value, Outcome failure, Verdict verdict) {
    }

    /**
     * Runs {@code body} on a daemon thread under the run's bound of running time (per trial, when
     * {@code trialsDone} counts trials; time the JVM spent suspended does not count). Past it,
     * reports what the stage's threads and children were blocked on, stops the thread and waits
     * for it to end, and closes the stage so that nothing it still does is shown. On an exception,
     * says so in one line on stderr (the stack trace with {@code --verbose}), except while the
     * JVM is shutting down, when the failure is demo's own doing: the variant was interrupted.
     */
    private static <T> Attempt<T> attempt(Run run, Stage stage, IntSupplier trialsDone, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread runner = new Thread(task, "variant-" + run.v().name());
        runner.setDaemon(true);
        runner.start();
        Texts texts = run.texts();
        try {
            boolean finished = Watchdog.await(nanos -> {
                try {
                    task.get(nanos, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    return task.isDone();
                }
                return true;
            }, run.bound(), trialsDone);
            if (!finished) {
                List<Message> blocked = stage.describeBlocked();
                blocked.add(0, Stage.describe(runner, "main"));
                int trial = trialsDone == null ? 0 : trialsDone.getAsInt() + 1; // before stopping it ends the trial
                boolean stopped = stop(runner, stage);
                String bound = LessonOptions.show(run.bound());
                Message what = trialsDone == null
                        ? Message.of(stopped ? "runner.stuck.stopped" : "runner.stuck.notStopped", bound, blocked)
                        : Message.of(stopped ? "runner.stuckTrial.stopped" : "runner.stuckTrial.notStopped",
                                trial, bound, blocked);
                return new Attempt<>(null, Outcome.timedOut(null, null, what), Verdict.STUCK);
            }
            return new Attempt<>(task.get(), null, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (Workspace.shuttingDown()) { // after Ctrl-C the children die by our hand: no news
                return interrupted();
            }
            if (cause instanceof WorkspaceException unusable) {
                throw new Unusable(Failures.describe(unusable), unusable);
            }
            LessonOptions options = run.options();
            boolean outputShown = options.trials() == 0 && !options.json();
            Message why = Failures.describe(cause, outputShown);
            run.err().println(texts.format("notice.error", texts.format(
                    options.verbose() ? "runner.failed.line" : "runner.failed.lineHint",
                    run.lesson(), run.label(), why)));
            if (options.verbose()) {
                cause.printStackTrace(run.err());
            }
            run.err().flush();
            return new Attempt<>(null, new Outcome(null, "failed", false, Message.of("runner.failed", why)),
                    Verdict.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(runner, stage);
            return interrupted();
        }
    }

    private static <T> Attempt<T> interrupted() {
        return new Attempt<>(null, new Outcome(null, "interrupted", false, Message.of("runner.interrupted")),
                Verdict.INTERRUPTED);
    }

    /**
     * Stops a variant's thread: closes its stage (nothing more is shown), interrupts it, waits a
     * little for it. Returns whether it ended.
     */
    private static boolean stop(Thread runner, Stage stage) {
        stage.close();
        runner.interrupt();
        try {
            runner.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !runner.isAlive();
    }
}
