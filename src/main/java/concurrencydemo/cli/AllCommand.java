package concurrencydemo.cli;

import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Runner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code demo all}: every lesson, in teaching order, one after the other. */
@Command(name = "all", description = "Run every lesson in teaching order.")
final class AllCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LessonOptions options;

    @Override
    public Integer call() {
        return Runner.runLessons(Demo.lessons(spec.parent().commandLine()), options,
                spec.commandLine().getOut(), spec.commandLine().getErr(), true);
    }
}
