package concurrencydemo.cli;

import concurrencydemo.exercises.Checker;
import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.multiprocessing.WorkspaceException;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.ExitException;
import concurrencydemo.framework.Failures;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.report.Message;
import concurrencydemo.report.Style;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code demo check [<name>]}: compiles, runs and grades the student's file. */
@Command(name = "check")
final class CheckCommand implements Callable<Integer> {
    /** The most runs a check takes. */
    static final int MAX_TRIALS = 1000;

    @Mixin
    ExerciseOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>",
            completionCandidates = ExerciseOptions.Names.class, descriptionKey = "option.currentExercise")
    String name;

    @Option(names = "--trials", paramLabel = "<n>", descriptionKey = "option.checkTrials")
    Integer trials;

    @Override
    public Integer call() throws Exception {
        Workbook book = options.workbook();
        Exercise e = options.exercise(name, book);
        if (trials != null && (trials < e.trials() || trials > MAX_TRIALS)) {
            throw new LessonOptions.UsageError(options.mixee,
                    Message.of("error.checkTrials", e.trials(), MAX_TRIALS, trials));
        }
        String source = options.io(() -> book.source(e)).orElseThrow(() -> new LessonOptions.UsageError(options.mixee,
                Message.of("error.noExerciseFile", options.show(book.file(e)), options.asTyped(e.name()))));
        Checker.Outcome outcome = check(options, book, e, source, trials == null ? e.trials() : trials);
        return switch (outcome.status()) {
            case PASSED -> ExitCode.OK;
            case NOT_YET, CANNOT_CHECK -> ExitCode.WRONG;
        };
    }

    /** Checks {@code e} and prints what came of it; on a pass, records it and writes the solution. */
    static Checker.Outcome check(ExerciseOptions options, Workbook book, Exercise e, String source, int trials)
            throws InterruptedException, IOException {
        Texts texts = options.texts();
        Style style = options.style();
        PrintWriter out = options.out();
        out.println(style.heading(texts.format("check.heading", e.name(), trials)));
        out.flush();
        long start = System.nanoTime();
        Checker.Outcome outcome;
        try {
            outcome = Checker.check(e, source, trials, options.language(), Checker.Bounds.of(e));
        } catch (WorkspaceException unusable) { // demo's own temporary files: the student's code is not to blame
            throw ExitException.cannot(Failures.describe(unusable, false));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        switch (outcome.status()) {
            case PASSED -> {
                String passed = texts.format("check.passed", outcome.passed(), outcome.trials());
                String took = texts.format("check.took", Math.round(seconds * 10) / 10.0);
                // within 80 columns: the time goes to a line of its own when both do not fit
                boolean fits = Width.of(passed + took) <= 78;
                out.println(style.good(passed) + (fits ? style.dim(took) : ""));
                if (!fits) {
                    out.println("  " + style.dim(took.strip()));
                }
                for (String line : Width.wrap(texts.format(e.text("notice")), 76)) {
                    out.println("  " + line);
                }
                out.flush();
                // the verdict is out before the folder is written: a folder demo cannot write loses no verdict
                Workbook.Solution solution = options.io(() -> book.pass(e, options.language()));
                out.println(texts.format(solution == Workbook.Solution.WRITTEN ? "check.solution" : "check.solutionKept"));
                out.println("  " + options.show(book.solution(e)));
                out.println(book.nextToDo(e)
                        .map(next -> texts.format("check.next", book.doneCount(), Exercises.ALL.size(), options.asTyped(next.name())))
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
                    out.println(texts.format("check.hint", options.asTyped(e.name())));
                }
            }
        }
        out.flush();
        return outcome;
    }
}
