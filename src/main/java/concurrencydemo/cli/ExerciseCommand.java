package concurrencydemo.cli;

import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.FolderException;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
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

/** {@code demo exercise <name>}: writes the starter and says what to do. */
@Command(name = "exercise")
final class ExerciseCommand implements Callable<Integer> {
    @Mixin
    ExerciseOptions options;

    @Parameters(index = "0", paramLabel = "<name>",
            completionCandidates = ExerciseOptions.Names.class, descriptionKey = "option.exerciseName")
    String name;

    @Option(names = "--reset", descriptionKey = "option.reset")
    boolean reset;

    @Override
    public Integer call() throws IOException {
        Workbook book = options.workbook();
        Exercise e = options.exercise(name, book);
        Workbook.Started what = options.io(() -> book.start(e, reset, options.language()));
        introduce(options, book, e, what);
        if (what == Workbook.Started.KEPT) {
            try {
                book.source(e);
            } catch (FolderException notYetCheckable) { // a file kept as it is that check will refuse: say so now
                options.out().println();
                options.out().println(options.texts().format(options.refused(notYetCheckable).reason()));
                options.out().flush();
            }
        }
        return ExitCode.OK;
    }

    /** What {@code demo exercise} says: which file, what is wrong, how to check. */
    static void introduce(ExerciseOptions options, Workbook book, Exercise e, Workbook.Started what) {
        Texts texts = options.texts();
        Style style = options.style();
        PrintWriter out = options.out();
        out.println(style.heading(texts.format("exercise.heading", e.name(), texts.format(e.text("title")), e.section().chinese())));
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
        out.println(texts.format("exercise.commands", options.asTyped(e.name())));
        out.flush();
    }
}
