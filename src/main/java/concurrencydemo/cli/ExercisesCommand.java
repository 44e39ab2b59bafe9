package concurrencydemo.cli;

import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.report.Style;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Table;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code demo exercises}: every exercise in teaching order, with its status and seed section. */
@Command(name = "exercises")
final class ExercisesCommand implements Callable<Integer> {
    @Mixin
    ExerciseOptions options;

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
        String todo = texts.format("exercises.todo");
        String done = texts.format("exercises.done");
        // a mark at the current one, its status, its name, then its seed section and title
        Table table = Table.indented("").left(" ").left("  ").left("  ").left("")
                .fit(List.of("", todo)).fit(List.of("", done));
        for (Exercise e : Exercises.ALL) {
            table.fit(List.of("", "", e.name()));
        }
        out.println(texts.format("exercises.heading", book.doneCount(), Exercises.ALL.size()));
        out.println();
        Exercise current = book.current();
        for (Exercise e : Exercises.ALL) {
            boolean isDone = book.done(e);
            // the section and title wrap within 78 columns, under where they begin
            int from = Width.of(table.row(List.of(" ", todo, e.name(), "x"))) - 1;
            List<String> about = Width.wrap(e.section().chinese() + " · " + texts.format(e.text("title")), 78 - from);
            List<String> cells = List.of(e == current ? "›" : " ", isDone ? done : todo, e.name(), about.get(0));
            out.println(table.row(cells, (column, padded) -> switch (column) {
                case 1 -> isDone ? style.good(padded) : style.dim(padded);
                case 2 -> style.heading(padded);
                default -> padded;
            }));
            for (String more : about.subList(1, about.size())) {
                out.println(" ".repeat(from) + more);
            }
        }
        out.println();
        out.println(book.nextToDo().map(next -> texts.format("exercises.start", options.asTyped(next.name()), options.dirOption()))
                .orElse(texts.format("exercises.allDone", options.dirOption())));
        out.flush();
        return ExitCode.OK;
    }
}
