package concurrencydemo.lessons;

import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks: why an update needs one, and why the seed calls the context manager ({@code with lock:})
 * the safer way to hold it. Ports the seed's 使用锁处理资源竟态 and 使用上下文管理器.
 */
@Command(name = "locks")
public final class LocksLesson extends Lesson {
    /** The seed sleeps 100 ms between read and write; half of it shows the same race. */
    static final Duration WINDOW = Duration.ofMillis(50);
    /** How long a thread may wait for the lock before the watchdog calls it stuck. */
    static final Duration STUCK_AFTER = Duration.ofMillis(500);

    @Option(names = "--processes", descriptionKey = "option.processes")
    boolean processes;

    @Override
    public int serialWindows() {
        return 4; // two updates, then the watchdog's wait of two more windows
    }

    @Override
    public boolean traces() {
        return !processes;
    }

    /** Across processes, the seed's multiprocessing sections, ported with --processes. */
    static final Section BY_HAND_PROCESSES = Seed.LOCK_PROCESSES.withOption("--processes");
    static final Section WITH_PROCESSES = Seed.WITH_PROCESSES.withOption("--processes");

    @Override
    public List<Section> sections() {
        return processes ? List.of(BY_HAND_PROCESSES, WITH_PROCESSES) : List.of(Seed.LOCK_THREADS, Seed.WITH_THREADS);
    }

    /** {@code demo list} shows the sections of both forms: the threads', and the processes' with their option. */
    @Override
    public List<Section> listedSections() {
        return List.of(Seed.LOCK_THREADS, Seed.WITH_THREADS, BY_HAND_PROCESSES, WITH_PROCESSES);
    }

    @Override
    public String heading() {
        return processes ? name() + " --processes" : name();
    }

    /** This lesson across processes, as {@code --processes} runs it: for {@code demo all --seed-order}. */
    public LocksLesson acrossProcesses() {
        LocksLesson copy = new LocksLesson();
        copy.spec = spec;
        copy.options = options;
        copy.processes = true;
        return copy;
    }

    @Override
    public Message whatYouSee() {
        return Message.of("locks.whatYouSee");
    }

    @Override
    public List<Variant> variants() {
        if (processes) {
            return LocksAcrossProcesses.variants();
        }
        return List.of(
                Variant.buggy("Unlocked", "locks.variant.unlocked", Seed.LOCK_THREADS, stage -> run(stage, Guard.NONE, false))
                        .askingAllOrFewer(Message.of("locks.question.all", 2), 2),
                Variant.fixed("Locked by hand", "locks.variant.lockedByHand", Seed.LOCK_THREADS,
                        stage -> run(stage, Guard.BY_HAND, false))
                        .askingAllOrFewer(Message.of("locks.question.all", 2), 2),
                Variant.buggy("By hand, throws", "locks.variant.byHandThrows", Seed.WITH_THREADS,
                        stage -> run(stage, Guard.BY_HAND, true))
                        .asking(Message.of("locks.question")),
                Variant.fixed("Context manager", "locks.variant.contextManager", Seed.WITH_THREADS,
                        stage -> run(stage, Guard.TRY_WITH_RESOURCES, true))
                        .asking(Message.of("locks.question")));
    }

    /** The failure, in words: the program prints it when an update fails. */
    static final Message CONNECTION_LOST = Message.of("locks.connectionLost");

    /** How a thread holds the lock around its update. */
    enum Guard { NONE, BY_HAND, TRY_WITH_RESOURCES }

    /*
     * Two threads each add 1 to the shared value (see Database for the read-modify-write window).
     *
     * Unlocked: both read 0, both write 1.
     *
     * Locked by hand: lock.lock(), update, lock.unlock(), as the seed's acquire()/release().
     *
     * By hand, throws: the first update fails half-way with an exception, between lock() and
     * unlock(). Nothing releases the lock, so the other thread waits for it forever. A watchdog
     * notices the waiting thread after STUCK_AFTER, reports it and interrupts it (it waits with
     * lockInterruptibly() so that it can be stopped). One update failed, so the right end value is
     * 1; the stuck thread never made its update, so the value stays 0.
     *
     * Context manager: Java's `with lock:` is try-with-resources on a holder that unlocks in
     * close(), or lock(); try { … } finally { unlock(); }. The exception still leaves the block,
     * but the lock is released on the way out, and the other thread makes its update: 1.
     */
    static Outcome run(Stage stage, Guard guard, boolean firstUpdateFails) throws InterruptedException {
        Database db = new Database(stage.trace());
        Duration window = stage.window(WINDOW);
        ReentrantLock lock = new ReentrantLock();
        AtomicBoolean failNext = new AtomicBoolean(firstUpdateFails);
        CountDownLatch startSignal = new CountDownLatch(1);
        Runnable increase = () -> {
            try {
                startSignal.await();
                update(stage, db, window, guard, lock, failNext);
            } catch (InterruptedException e) {
                db.record("stopped"); // by the watchdog, while it waited for the lock
                stage.println(Message.of("locks.line.stopped", Thread.currentThread().getName()));
            } catch (ConnectionLost e) {
                stage.println(Message.of("locks.line.failed", Thread.currentThread().getName(), stage.words(CONNECTION_LOST)));
            }
        };
        stage.println("Start value:  " + db.value);
        Thread t1 = stage.thread("T1", increase);
        Thread t2 = stage.thread("T2", increase);
        t1.start();
        t2.start();
        startSignal.countDown();
        Duration bound = STUCK_AFTER.plus(window.multipliedBy(2));
        List<Message> stopped = stage.watchdog().joinOrStop(bound, t1, t2);
        // an update really failed while the lock was taken by hand: the lock is stranded for good
        boolean stranded = firstUpdateFails && !failNext.get() && guard == Guard.BY_HAND;
        Message stuck = null;
        if (!stopped.isEmpty()) {
            stuck = Message.of(stranded ? "locks.stuck.stranded" : "locks.stuck.slow", stopped,
                    LessonOptions.show(bound));
        }
        stage.println("End value: " + db.value);
        stage.println("end main");
        if (db.trace != null) {
            stage.printTrace(db.trace.events(), Message.of("locks.traced"));
        }
        int expected = firstUpdateFails ? 1 : 2;
        if (stuck != null) {
            // stuck for good only when the stranded lock did it; otherwise the machine was slow
            return stranded ? Outcome.stuck((long) expected, (long) db.value, stuck)
                    : Outcome.timedOut((long) expected, (long) db.value, stuck);
        }
        Message whyCorrect = Message.of(guard == Guard.NONE ? "locks.unlocked.lucky"
                : guard == Guard.TRY_WITH_RESOURCES && firstUpdateFails ? "locks.with.correct" : "locks.locked.correct");
        return Outcome.counter(expected, db.value, whyCorrect, db.howUpdatesWereLost());
    }

    // "try": the held lock is the resource, never named in the body: try-with-resources stands for
    // Python's `with lock:`, and what it shows is the release on the way out
    @SuppressWarnings("try")
    static void update(Stage stage, Database db, Duration window, Guard guard, ReentrantLock lock,
                       AtomicBoolean failNext) throws InterruptedException {
        switch (guard) {
            case NONE -> db.increase(window);
            case BY_HAND -> {
                db.record("ask"); // a trace shows when it asked for the lock, and when it got it
                lock.lockInterruptibly();
                db.record("lock");
                increaseOrFail(db, window, failNext);
                db.record("unlock");
                lock.unlock(); // never reached when increaseOrFail throws: the lock stays held
            }
            case TRY_WITH_RESOURCES -> {
                db.record("ask");
                try (HeldLock held = HeldLock.acquire(lock)) {
                    db.record("lock");
                    try {
                        increaseOrFail(db, window, failNext);
                    } finally {
                        db.record("unlock"); // while the lock is still held: the release comes after it
                    }
                }
            }
        }
    }

    /** The update, failing once (the first time) when the variant asks for a failure. */
    static void increaseOrFail(Database db, Duration window, AtomicBoolean failNext) {
        if (failNext.compareAndSet(true, false)) {
            Database.sleep(window);
            db.record("fail");
            throw new ConnectionLost();
        }
        db.increase(window);
    }

    /**
     * The failure the lesson stages half-way through an update: the database went away. A type of
     * its own, so that only this failure is taken for it; a real error (a lock's, say) is not.
     */
    static final class ConnectionLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectionLost() {
            super(); // its words are CONNECTION_LOST, in the reader's language
        }
    }

    /** Java's {@code with lock:}: locks on acquire, unlocks in close(), whatever ends the block. */
    static final class HeldLock implements AutoCloseable {
        private final ReentrantLock lock;

        private HeldLock(ReentrantLock lock) {
            this.lock = lock;
        }

        static HeldLock acquire(ReentrantLock lock) throws InterruptedException {
            lock.lockInterruptibly();
            return new HeldLock(lock);
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }
}
