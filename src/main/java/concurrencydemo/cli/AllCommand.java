package concurrencydemo.cli;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.framework.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code demo all}: every lesson, in teaching order, one after the other. */
@Command(name = "all")
final class AllCommand implements Callable<Integer>, LessonOptions.WindowLimit {

    @Spec
    CommandSpec spec;

    @Mixin
    LessonOptions options;

    @Option(names = "--seed-order", descriptionKey = "option.seedOrder")
    boolean seedOrder;

    /** The shortest of the lessons' limits: every lesson must be able to run with the window. */
    @Override
    public Duration maxWindow() {
        Duration max = LessonOptions.MAX_WINDOW;
        for (Lesson lesson : Catalog.lessons()) {
            if (lesson.maxWindow().compareTo(max) < 0) {
                max = lesson.maxWindow();
            }
        }
        return max;
    }

    @Override
    public Integer call() {
        List<Lesson> lessons = Demo.lessons(spec.parent().commandLine());
        return Runner.runLessons(seedOrder ? Catalog.seedOrder(lessons) : lessons, options,
                spec.commandLine().getOut(), spec.commandLine().getErr(), true);
    }
}
