package concurrencydemo.framework;

import concurrencydemo.report.Message;

import java.util.List;

/**
 * The seed article's sections, in the seed's order, each once: the lessons that port a section and
 * the exercises that practise it name the same {@link Section}, so that a heading is written, and
 * put into English, in one place.
 */
public final class Seed {
    public static final Section OPENING = section("开篇：多线程和多进程", "seed.opening");
    public static final Section START_PROCESSES = section("创建并开启进程", "seed.startProcesses");
    public static final Section SHARING_PROCESSES = section("进程间分享数据", "seed.sharingProcesses");
    public static final Section LOCK_PROCESSES = section("可以使用锁避免资源竟态", "seed.lockProcesses");
    public static final Section WITH_PROCESSES = section("在上下文管理器中使用锁", "seed.withProcesses");
    public static final Section QUEUE_PROCESSES = section("多进程使用队列通信", "seed.queueProcesses");
    public static final Section POOL = section("进程池", "seed.pool");
    public static final Section START_THREADS = section("创建并开始线程", "seed.startThreads");
    public static final Section SHARING_THREADS = section("线程间共享数据", "seed.sharingThreads");
    public static final Section LOCK_THREADS = section("使用锁处理资源竟态", "seed.lockThreads");
    public static final Section WITH_THREADS = section("使用上下文管理器", "seed.withThreads");
    public static final Section QUEUE_THREADS = section("多线程消息队列通信", "seed.queueThreads");

    /** Every section, in the seed's order. */
    public static final List<Section> SECTIONS = List.of(OPENING, START_PROCESSES, SHARING_PROCESSES, LOCK_PROCESSES,
            WITH_PROCESSES, QUEUE_PROCESSES, POOL, START_THREADS, SHARING_THREADS, LOCK_THREADS, WITH_THREADS,
            QUEUE_THREADS);

    private Seed() {
    }

    private static Section section(String chinese, String englishKey) {
        return new Section(chinese, Message.of(englishKey));
    }
}
