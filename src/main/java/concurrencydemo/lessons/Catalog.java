package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lessons in teaching order, and in the seed's: the one place those orders are written down.
 * The root command registers its subcommands from the first, {@code demo list} prints it, and
 * {@code bench/run} reads it from {@code demo list --names}; {@code demo all --seed-order} follows
 * the second.
 */
public final class Catalog {
    /** The lesson classes, in teaching order. */
    public static final List<Class<? extends Lesson>> ORDER = List.of(
            ThreadsLesson.class,
            LocksLesson.class,
            ProcessesLesson.class,
            RaceConditionLesson.class,
            QueuesLesson.class,
            PoolsLesson.class,
            GilLesson.class);

    /**
     * The seed's order, its opening paragraph first, then its multiprocessing half, then its
     * threading half: each lesson where the first section it ports comes, and the locks lesson
     * and the queues lesson twice each: locks across processes (在上下文管理器中使用锁) and with
     * threads (使用锁处理资源竟态), queues between processes (多进程使用队列通信) and between threads
     * (多线程消息队列通信).
     */
    public static List<Lesson> seedOrder(List<Lesson> lessons) {
        Map<Class<?>, Lesson> byClass = new HashMap<>();
        for (Lesson lesson : lessons) {
            byClass.put(lesson.getClass(), lesson);
        }
        LocksLesson locks = (LocksLesson) byClass.get(LocksLesson.class);
        QueuesLesson queues = (QueuesLesson) byClass.get(QueuesLesson.class);
        return List.of(byClass.get(GilLesson.class), byClass.get(ProcessesLesson.class),
                byClass.get(RaceConditionLesson.class), locks.acrossProcesses(), queues.part(Seed.QUEUE_PROCESSES),
                byClass.get(PoolsLesson.class), byClass.get(ThreadsLesson.class), locks, queues.part(Seed.QUEUE_THREADS));
    }

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
