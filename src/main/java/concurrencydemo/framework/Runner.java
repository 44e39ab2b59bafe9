package concurrencydemo.framework;

import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.LessonReport;
import concurrencydemo.report.Prediction;
import concurrencydemo.report.Progress;
import concurrencydemo.report.Renderer;
import concurrencydemo.report.Role;
import concurrencydemo.report.Style;
import concurrencydemo.report.TextReport;
import concurrencydemo.report.Texts;
import concurrencydemo.report.VariantResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs lessons: each variant in turn (by {@link VariantExecutor}, on a thread of its own under a
 * time bound), shown as it comes through a {@link Renderer}, then the verdicts and a summary; the
 * reports so far are kept in {@link Results}, which a signal's shutdown hook also writes.
 */
public final class Runner {
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
        Renderer view = json ? Renderer.NONE : new TextReport(out, Style.detect(options.noColor()), texts);
        Results results = new Results(lessons, asCollection, texts);
        boolean failed = false;
        Thread onSignal = json ? new Thread(() -> results.writeOnce(out, true), "json-on-signal") : null;
        if (json && JSON_DOCUMENT.updateAndGet(s -> s == BY_SIGNAL ? BY_SIGNAL : BY_RUNS) == BY_SIGNAL) {
            return ExitCode.WRONG; // a signal came before any lesson began, and its document is written
        }
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
                if (results.lessonsDone() > 0) {
                    view.betweenLessons();
                }
                LessonReport report;
                try {
                    report = run(lesson, options, out, view, err, results, texts);
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
                view.summary(report, lesson.heading());
            }
            if (asCollection && !stopping(out) && !failed) {
                view.overall(results.reports());
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

    private static final int NONE = 0;
    private static final int BY_RUNS = 1;
    private static final int BY_SIGNAL = 2;
    /** Who makes this JVM's JSON documents: runs, once one began; else the notice of a signal that came first. */
    private static final java.util.concurrent.atomic.AtomicInteger JSON_DOCUMENT = new java.util.concurrent.atomic.AtomicInteger(NONE);

    /**
     * For a signal that came before any run began: whether the caller may write the (empty,
     * interrupted) JSON document itself; true at most once, and never once a run has begun.
     */
    public static boolean takeJsonDocument() {
        return JSON_DOCUMENT.compareAndSet(NONE, BY_SIGNAL);
    }

    /** Whether to stop running lessons: the JVM is shutting down (Ctrl-C, a signal), or no one reads the output. */
    static boolean stopping(PrintWriter out) {
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

    static LessonReport run(Lesson lesson, LessonOptions options, PrintWriter out, Renderer view,
                            PrintWriter err, Results results, Texts texts) {
        List<String> sections = lesson.sections().stream().map(Section::chinese).toList();
        List<String> notices = lesson.notices().stream().map(texts::format).toList();
        results.begin(new LessonReport(lesson.name(), lesson.title(), sections, List.of()).withNotices(notices));
        view.lessonHeading(lesson.heading(), lesson.title(), sections);
        notices.forEach(view::notice);
        if (options.trace() && !lesson.traces()) {
            view.notice(texts.format("runner.noTrace"));
        }
        if (options.window() != null && !lesson.hasWindow()) {
            view.notice(texts.format("runner.noWindow"));
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
            view.variantHeading(i + 1, variants.size(), label, v.section().chinese(), v.role());
            Prediction guess = options.trials() > 0 ? null : predict(options, view, texts, v);
            VariantExecutor.Run run = new VariantExecutor.Run(lesson.name(), v, label, options, bound, texts, err);
            VariantResult result = options.trials() > 0 ? VariantExecutor.runTrials(run, progress)
                    : VariantExecutor.runVariant(run, view);
            done.add(result);
            results.variantDone(result);
            if (options.trials() > 0) {
                view.trialsVerdict(result);
                // each fixed variant beside the racy ones before it: the same program, with and without
                if (v.role() == Role.FIXED || i == variants.size() - 1) {
                    view.trialsTable(done.subList(tableStart, done.size()));
                    tableStart = done.size();
                }
            } else {
                view.verdict(result);
                if (guess != null) {
                    view.predictionCheck(guess, result);
                }
            }
        }
        return results.lessonDone();
    }

    /**
     * With {@code --pause} on a terminal: before a variant runs, asks the class to predict what
     * it will end with and waits for Enter, so that an instructor can talk it over. Returns the
     * answer, or null when there was none (just Enter, end of input) or no pause. Ignored when
     * stdin is not a terminal, so a pipe or a script never blocks.
     */
    static Prediction predict(LessonOptions options, Renderer view, Texts texts, Variant v) {
        java.io.Console console = System.console();
        if (!options.pause() || console == null || !view.live()) {
            return null;
        }
        return ask(view, texts, v, console::readLine, options::inputEnded);
    }

    /**
     * Asks {@code v}'s question and reads the answer from {@code readLine} (null at the end of
     * input). A variant that asks "all, or fewer?" takes only such an answer (see
     * {@link Prediction#ofAllOrFewer}) and asks again, saying what it takes, until it gets one;
     * any other takes any text. Just Enter, or the end of input (Ctrl-D), runs it with no answer.
     */
    static Prediction ask(Renderer view, Texts texts, Variant v, Supplier<String> readLine) {
        return ask(view, texts, v, readLine, () -> { });
    }

    /** As above; {@code ended} is told when the input ends, so that nothing more is asked. */
    static Prediction ask(Renderer view, Texts texts, Variant v, Supplier<String> readLine, Runnable ended) {
        while (true) {
            view.predictionPrompt(texts.format(v.question()), v.countAsked());
            String line = readLine.get();
            if (line == null) {
                view.predictionEnded(); // Ctrl-D: the cursor is still after the prompt
                ended.run();
                return null;
            }
            if (line.isBlank()) {
                return null;
            }
            if (v.countAsked() == null) {
                return Prediction.free(line.strip());
            }
            Optional<Prediction> answer = Prediction.ofAllOrFewer(line.strip(), v.countAsked());
            if (answer.isPresent()) {
                return answer.get();
            }
            view.predictionNotUnderstood(line.strip(), v.countAsked());
        }
    }
}
