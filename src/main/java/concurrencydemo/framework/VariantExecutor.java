package concurrencydemo.framework;

import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.multiprocessing.WorkspaceException;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Progress;
import concurrencydemo.report.Renderer;
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
 * Runs one variant, once or for {@code --trials}, on a thread of its own under the run's time
 * bound, and grades it; its stage is cleaned up whatever happens, and nothing it started is left
 * behind.
 */
final class VariantExecutor {
    /** How long a variant's thread may take to end once it is told to stop. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private VariantExecutor() {
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
                Variant.Trial trial = v.trials() != null ? v.trials().prepare(stage, n) : k -> {
                    // tracked by the variant's stage, so that stopping the variant stops the trial too
                    try (Stage own = stage.track(new Stage(line -> { }, run.texts(), options.window()))) {
                        Outcome outcome = v.body().run(own);
                        stage.untrack(own);
                        return outcome;
                    }
                };
                List<Outcome> outcomes = new ArrayList<>(n);
                for (int k = 1; k <= n; k++) {
                    if (Thread.interrupted()) { // stopped: end now; closing the stage stops what the trials started
                        throw new InterruptedException();
                    }
                    outcomes.add(trial.run(k));
                    progress.step();
                }
                trial.finish();
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
    static VariantResult runVariant(Run run, Renderer view) {
        Variant v = run.v();
        long start = System.nanoTime();
        try (Stage stage = new Stage(view::programLine, run.texts(),
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
                blocked.add(0, Diagnosis.of(runner, "main").words());
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
