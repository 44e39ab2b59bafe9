package concurrencydemo.cli;

import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.report.Style;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
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
