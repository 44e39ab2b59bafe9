package concurrencydemo.lessons;

import concurrencydemo.cli.LessonOptions;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.report.Outcome;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks: why an update needs one, and why the seed calls the context manager ({@code with lock:})
 * the safer way to hold it. Ports the seed's 使用锁处理资源竟态 and 使用上下文管理器.
 */
@Command(name = "locks",
        description = "A lock around read-modify-write, taken by hand and as a context manager.")
public final class LocksLesson extends Lesson {
    static final Duration WINDOW = Duration.ofMillis(50);
    /** How long a thread may wait for the lock before the watchdog calls it stuck. */
    static final Duration STUCK_AFTER = Duration.ofMillis(500);

    @Override
    public List<Section> sections() {
        return List.of(new Section("使用锁处理资源竟态", "Using a lock against the race"),
                new Section("使用上下文管理器", "Holding the lock with a context manager"));
    }

    @Override
    public String whatYouSee() {
        return "an update lost, then kept by a lock; an exception strands a lock taken by hand";
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.racy("Unlocked", "使用锁处理资源竟态", stage -> run(stage, Guard.NONE, false)),
                Variant.fixed("Locked by hand", "使用锁处理资源竟态", stage -> run(stage, Guard.BY_HAND, false)),
                Variant.mistaken("By hand, throws", "使用上下文管理器", stage -> run(stage, Guard.BY_HAND, true)),
                Variant.fixed("Context manager", "使用上下文管理器", stage -> run(stage, Guard.TRY_WITH_RESOURCES, true)));
    }

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
        Database db = new Database();
        Duration window = stage.window(WINDOW);
        ReentrantLock lock = new ReentrantLock();
        AtomicBoolean failNext = new AtomicBoolean(firstUpdateFails);
        CountDownLatch startSignal = new CountDownLatch(1);
        Runnable increase = () -> {
            try {
                startSignal.await();
                update(stage, db, window, guard, lock, failNext);
            } catch (InterruptedException e) {
                stage.println(Thread.currentThread().getName() + ": stopped while waiting for the lock");
            } catch (IllegalStateException e) {
                stage.println(Thread.currentThread().getName() + ": update failed: " + e.getMessage());
            }
        };
        stage.println("Start value:  " + db.value);
        Thread t1 = stage.thread("T1", increase);
        Thread t2 = stage.thread("T2", increase);
        t1.start();
        t2.start();
        startSignal.countDown();
        String stuck = joinOrReportStuck(stage, lock, window, t1, t2);
        stage.println("End value: " + db.value);
        stage.println("end main");
        int expected = firstUpdateFails ? 1 : 2;
        if (stuck != null) {
            return new Outcome((long) expected, (long) db.value, false, stuck, Map.of()).with("stuck", true);
        }
        String whyCorrect = switch (guard) {
            case NONE -> "this time one thread wrote before the other read";
            case BY_HAND -> "the lock kept each read-modify-write whole";
            case TRY_WITH_RESOURCES -> firstUpdateFails
                    ? "the failed update released the lock on its way out, so the other thread made its update"
                    : "the lock kept each read-modify-write whole";
        };
        return Outcome.counter(expected, db.value, whyCorrect, db.howUpdatesWereLost());
    }

    static void update(Stage stage, Database db, Duration window, Guard guard, ReentrantLock lock,
                       AtomicBoolean failNext) throws InterruptedException {
        switch (guard) {
            case NONE -> db.increase(window);
            case BY_HAND -> {
                lock.lockInterruptibly();
                increaseOrFail(db, window, failNext);
                lock.unlock(); // never reached when increaseOrFail throws: the lock stays held
            }
            case TRY_WITH_RESOURCES -> {
                try (HeldLock held = HeldLock.acquire(lock)) {
                    increaseOrFail(db, window, failNext);
                }
            }
        }
    }

    /** The update, failing once (the first time) when the variant asks for a failure. */
    static void increaseOrFail(Database db, Duration window, AtomicBoolean failNext) {
        if (failNext.compareAndSet(true, false)) {
            Database.sleep(window);
            throw new IllegalStateException("lost the connection to the database");
        }
        db.increase(window);
    }

    /**
     * Joins both threads; a thread still waiting for the lock after {@link #STUCK_AFTER} beyond the
     * time the updates need is reported and interrupted.
     *
     * @return null when both finished, else a sentence on who was stuck and why
     */
    static String joinOrReportStuck(Stage stage, ReentrantLock lock, Duration window, Thread... threads)
            throws InterruptedException {
        long deadline = System.nanoTime() + STUCK_AFTER.plus(window.multipliedBy(threads.length)).toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        String stuck = null;
        for (Thread t : threads) {
            if (t.isAlive()) {
                String holder = lock.isLocked() && !lock.isHeldByCurrentThread()
                        ? "a lock that no live thread will release (its holder threw before unlock())"
                        : "the lock";
                stuck = t.getName() + " waited " + LessonOptions.show(STUCK_AFTER) + " for " + holder
                        + "; the watchdog stopped it";
                stage.println("watchdog: " + t.getName() + " is stuck waiting for the lock; stopping it");
                t.interrupt();
                t.join();
            }
        }
        return stuck;
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
