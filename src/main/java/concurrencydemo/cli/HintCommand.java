package concurrencydemo.cli;

import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code demo hint [<name>]}: the next hint, a nudge first, stronger each time asked. */
@Command(name = "hint")
final class HintCommand implements Callable<Integer> {
    @Mixin
    ExerciseOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>",
            completionCandidates = ExerciseOptions.Names.class, descriptionKey = "option.currentExercise")
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
        out.println(texts.format(n < e.hints() ? "hint.more" : "hint.last", options.asTyped(e.name())));
        out.flush();
        return ExitCode.OK;
    }
}
