package concurrencydemo.framework;

import concurrencydemo.cli.ExitCode;
import concurrencydemo.cli.LessonOptions;
import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.LessonReport;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Progress;
import concurrencydemo.report.TrialsResult;
import concurrencydemo.report.Style;
import concurrencydemo.report.TextReport;
import concurrencydemo.report.VariantResult;
import concurrencydemo.report.VariantResult.Status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs lessons: each variant on a thread of its own under a time bound, its output rendered as it
 * comes, its stage cleaned up whatever happens, then the verdicts and a summary.
 */
public final class Runner {
    private Runner() {
    }

    /**
     * Runs {@code lessons} in order and renders them as text or as one JSON document.
     *
     * @return {@link ExitCode#OK} when every variant that must hold held, else {@link ExitCode#WRONG}
     */
    public static int runLessons(List<Lesson> lessons, LessonOptions options, PrintWriter out,
                                 PrintWriter err, boolean asCollection) {
        boolean json = options.json();
        TextReport text = json ? null : new TextReport(out, Style.detect(options.noColor()));
        List<LessonReport> reports = new ArrayList<>();
        for (Lesson lesson : lessons) {
            if (!reports.isEmpty()) {
                pause(options, text);
            }
            if (text != null && !reports.isEmpty()) {
                out.println();
                out.println();
            }
            LessonReport report = run(lesson, options, text, err);
            reports.add(report);
            if (text != null) {
                text.summary(report);
            }
        }
        if (json) {
            out.println(asCollection
                    ? concurrencydemo.report.JsonReport.all(reports)
                    : concurrencydemo.report.JsonReport.lesson(reports.get(0)));
            out.flush();
        }
        return reports.stream().allMatch(LessonReport::passed) ? ExitCode.OK : ExitCode.WRONG;
    }

    static LessonReport run(Lesson lesson, LessonOptions options, TextReport text, PrintWriter err) {
        List<String> sections = lesson.sections().stream().map(Section::chinese).toList();
        if (text != null) {
            text.lessonHeading(lesson.name(), lesson.title(), sections);
        }
        List<Variant> variants = lesson.variants();
        List<VariantResult> results = new ArrayList<>();
        Progress progress = Progress.forTerminal(err);
        int tableStart = 0;
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            if (i > 0) {
                pause(options, text);
            }
            if (text != null) {
                text.variantHeading(i + 1, variants.size(), v.name(), v.section(), v.synchronised());
            }
            VariantResult result = options.trials() > 0
                    ? runTrials(lesson.name(), v, options, err, progress)
                    : runVariant(lesson.name(), v, options, text, err);
            results.add(result);
            if (text != null && options.trials() > 0) {
                text.trialsVerdict(result);
                // each fixed variant beside the racy ones before it: the same program, with and without
                if (v.mustHold() || i == variants.size() - 1) {
                    text.trialsTable(results.subList(tableStart, results.size()));
                    tableStart = results.size();
                }
            } else if (text != null) {
                text.verdict(result);
            }
        }
        return new LessonReport(lesson.name(), lesson.title(), sections, results);
    }

    /**
     * With {@code --pause} on a terminal: waits for Enter, so that an instructor can talk over a
     * step. Ignored when stdin is not a terminal, so a pipe or a script never blocks.
     */
    static void pause(LessonOptions options, TextReport text) {
        if (!options.pause() || System.console() == null || text == null) {
            return;
        }
        text.pausePrompt();
        System.console().readLine();
    }

    /**
     * Runs {@code --trials} trials of one variant, under a time bound of the per-run bound times
     * the trials, and grades them together: a fixed variant is broken if any trial was wrong.
     */
    static VariantResult runTrials(String lesson, Variant v, LessonOptions options, PrintWriter err,
                                   Progress progress) {
        int n = options.trials();
        long start = System.nanoTime();
        progress.start(v.name(), n);
        try (Stage stage = new Stage(line -> { }, options.window())) {
            Attempt<List<Outcome>> attempt = attempt(lesson, v, stage, options.trialsTimeout(), options, err, () -> {
                if (v.trials() != null) {
                    return v.trials().run(stage, n, progress::step);
                }
                List<Outcome> outcomes = new ArrayList<>(n);
                for (int i = 0; i < n && !Thread.currentThread().isInterrupted(); i++) {
                    try (Stage trial = new Stage(line -> { }, options.window())) {
                        outcomes.add(v.body().run(trial));
                    }
                    progress.step();
                }
                return outcomes;
            });
            progress.finish();
            Outcome outcome = attempt.failure();
            Status status = attempt.status();
            TrialsResult trials = null;
            if (outcome == null) {
                List<Outcome> outcomes = attempt.value();
                trials = TrialsResult.of(outcomes, Duration.ofNanos(System.nanoTime() - start));
                outcome = outcomes.stream().filter(o -> !o.correct()).findFirst()
                        .orElse(outcomes.get(outcomes.size() - 1));
                status = VariantResult.grade(trials.wrong() == 0, v.mustHold());
            }
            return new VariantResult(v.name(), v.section(), v.synchronised(), v.mustHold(), outcome, List.of(),
                    Duration.ofNanos(System.nanoTime() - start), status, trials);
        }
    }

    /** Runs one variant under the time bound; never throws, never leaves a thread or child behind. */
    static VariantResult runVariant(String lesson, Variant v, LessonOptions options, TextReport text,
                                    PrintWriter err) {
        long start = System.nanoTime();
        try (Stage stage = new Stage(text == null ? line -> { } : text::programLine, options.window(),
                options.trace())) {
            Attempt<Outcome> attempt = attempt(lesson, v, stage, options.timeout(), options, err,
                    () -> v.body().run(stage));
            Outcome outcome = attempt.failure() != null ? attempt.failure() : attempt.value();
            Status status = attempt.failure() != null ? attempt.status()
                    : VariantResult.grade(outcome.correct(), v.mustHold());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new VariantResult(v.name(), v.section(), v.synchronised(), v.mustHold(), outcome,
                    stage.transcript(), elapsed, status, null);
        }
    }

    /**
     * What running a program on a thread of its own came to: its value, or, when it got stuck,
     * failed or was interrupted, the outcome and status that say so.
     */
    private record Attempt<T>(T value, Outcome failure, Status status) {
    }

    /**
     * Runs {@code body} on a daemon thread for at most {@code timeout}. Past it, reports what the
     * stage's threads and children were blocked on and interrupts the thread; on an exception,
     * says so in one line on stderr (the stack trace with {@code --verbose}), except while the JVM
     * is shutting down, when the failure is demo's own doing.
     */
    private static <T> Attempt<T> attempt(String lesson, Variant v, Stage stage, Duration timeout,
                                          LessonOptions options, PrintWriter err, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread runner = new Thread(task, "variant-" + v.name());
        runner.setDaemon(true);
        runner.start();
        try {
            return new Attempt<>(task.get(timeout.toNanos(), TimeUnit.NANOSECONDS), null, null);
        } catch (TimeoutException e) {
            List<String> blocked = stage.describeBlocked();
            blocked.add(0, "main is " + runner.getState());
            runner.interrupt();
            return new Attempt<>(null, new Outcome(null, "stuck", false, "did not finish within "
                    + LessonOptions.show(timeout) + "; stopped it. " + String.join("; ", blocked), Map.of()),
                    Status.STUCK);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!Workspace.shuttingDown()) { // after Ctrl-C the children die by our hand: no news
                err.println("demo: " + lesson + ": " + v.name() + " failed: " + describe(cause)
                        + (options.verbose() ? "" : " (--verbose shows the stack trace)"));
            }
            if (options.verbose()) {
                cause.printStackTrace(err);
            }
            err.flush();
            return new Attempt<>(null, new Outcome(null, "failed", false, "the program failed: " + describe(cause),
                    Map.of()), Status.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt<>(null, new Outcome(null, "interrupted", false, "interrupted", Map.of()),
                    Status.FAILED);
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof ChildFailedException child) {
            return describe(child);
        }
        String type = t.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }

    /** The runtime's facts about a child that ended badly, in words: {@code P1 (pid 1234) was killed (SIGKILL)}. */
    static String describe(ChildFailedException e) {
        String who = e.child() + " (pid " + e.pid() + ")";
        return who + switch (e.how()) {
            case THREW -> " failed: its task threw an exception (its output is above)";
            case ORPHANED -> " exited because its parent had gone";
            case KILLED_BY_SIGNAL -> switch (e.signal().getAsInt()) {
                case 9 -> " was killed (SIGKILL)";
                case 15 -> " was terminated (SIGTERM)";
                case 2 -> " was interrupted (SIGINT)";
                default -> " died of signal " + e.signal().getAsInt();
            };
            case EXITED -> " exited " + e.exitCode().getAsInt();
            case STILL_RUNNING -> " is still running";
        };
    }
}
