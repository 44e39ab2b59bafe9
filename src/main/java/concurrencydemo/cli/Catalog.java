package concurrencydemo.cli;

import concurrencydemo.framework.Lesson;
import concurrencydemo.lessons.LocksLesson;
import concurrencydemo.lessons.PoolsLesson;
import concurrencydemo.lessons.ProcessesLesson;
import concurrencydemo.lessons.QueuesLesson;
import concurrencydemo.lessons.RaceConditionLesson;
import concurrencydemo.lessons.ThreadsLesson;

import java.util.List;

/**
 * The lessons in teaching order, without a command line around them (for {@code demo list}'s
 * fast path). The same order as {@link Demo}'s subcommands; a test keeps the two in step.
 */
final class Catalog {
    private Catalog() {
    }

    static List<Lesson> lessons() {
        return List.of(new ThreadsLesson(), new LocksLesson(), new ProcessesLesson(), new RaceConditionLesson(),
                new QueuesLesson(), new PoolsLesson());
    }
}
