package concurrencydemo.framework;

import concurrencydemo.cli.ExitCode;
import concurrencydemo.cli.LessonOptions;
import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.report.LessonReport;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Style;
import concurrencydemo.report.TextReport;
import concurrencydemo.report.VariantResult;
import concurrencydemo.report.VariantResult.Status;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            if (text != null) {
                text.variantHeading(i + 1, variants.size(), v.name(), v.section(), v.synchronised());
            }
            VariantResult result = runVariant(lesson.name(), v, options, text, err);
            results.add(result);
            if (text != null) {
                text.verdict(result);
            }
        }
        return new LessonReport(lesson.name(), lesson.title(), sections, results);
    }

    /** Runs one variant under the time bound; never throws, never leaves a thread or child behind. */
    static VariantResult runVariant(String lesson, Variant v, LessonOptions options, TextReport text,
                                    PrintWriter err) {
        Duration timeout = options.timeout();
        long start = System.nanoTime();
        Outcome outcome;
        Status status;
        try (Stage stage = new Stage(text == null ? line -> { } : text::programLine, options.window())) {
            FutureTask<Outcome> task = new FutureTask<>(() -> v.body().run(stage));
            Thread runner = new Thread(task, "variant-" + v.name());
            runner.setDaemon(true);
            runner.start();
            try {
                outcome = task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                status = VariantResult.grade(outcome.correct(), v.mustHold());
            } catch (TimeoutException e) {
                List<String> blocked = stage.describeBlocked();
                blocked.add(0, "variant-" + v.name() + " is " + runner.getState());
                outcome = new Outcome(null, "stuck", false, "did not finish within "
                        + LessonOptions.show(timeout) + "; stopped it. " + String.join("; ", blocked),
                        Map.of());
                status = Status.STUCK;
                runner.interrupt();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                outcome = new Outcome(null, "failed", false, "the program failed: " + describe(cause), Map.of());
                status = Status.FAILED;
                err.println("demo: " + lesson + ": " + v.name() + " failed: " + describe(cause)
                        + (options.verbose() ? "" : " (--verbose shows the stack trace)"));
                if (options.verbose()) {
                    cause.printStackTrace(err);
                }
                err.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new Outcome(null, "interrupted", false, "interrupted", Map.of());
                status = Status.FAILED;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new VariantResult(v.name(), v.section(), v.synchronised(), v.mustHold(), outcome,
                    stage.transcript(), elapsed, status);
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof ChildFailedException) {
            return message;
        }
        String type = t.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }
}
