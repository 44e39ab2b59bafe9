package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The lessons in teaching order: the one place that order is written down. The root command
 * registers its subcommands from it, {@code demo list} prints it, and {@code bench/run} reads it
 * from {@code demo list --names}.
 */
public final class Catalog {
    /** The lesson classes, in teaching order. */
    public static final List<Class<? extends Lesson>> ORDER = List.of(
            ThreadsLesson.class,
            LocksLesson.class,
            ProcessesLesson.class,
            RaceConditionLesson.class,
            QueuesLesson.class,
            PoolsLesson.class, GilLesson.class);

    private Catalog() {
    }

    /** A new instance of every lesson, in teaching order, without a command line around them. */
    public static List<Lesson> lessons() {
        List<Lesson> lessons = new ArrayList<>(ORDER.size());
        for (Class<? extends Lesson> type : ORDER) {
            try {
                lessons.add(type.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create lesson " + type.getSimpleName(), e);
            }
        }
        return lessons;
    }
}
