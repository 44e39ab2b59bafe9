package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.report.Outcome;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads: starting and joining them, and two threads sharing one variable. Ports the seed's
 * 创建并开始线程 and 线程间共享数据.
 */
@Command(name = "threads",
        description = "Start ten threads and wait for them; two threads update one shared value.")
public final class ThreadsLesson extends Lesson {
    static final int THREADS = 10;
    static final int SQUARES = 1000;
    /** How many times each of the two threads adds 1 in the count++ variants. */
    static final int INCREMENTS = 5_000_000;

    @Override
    public int serialWindows() {
        return 2; // two updates, one after the other when locked
    }

    @Override
    public boolean traces() {
        return true; // the Racy and Locked variants; the count++ loops are too long to trace
    }

    @Override
    public List<Section> sections() {
        return List.of(new Section("创建并开始线程", "Creating and starting threads"),
                new Section("线程间共享数据", "Sharing data between threads"));
    }

    @Override
    public String whatYouSee() {
        return "main reports before its threads finish; End value: 1, then 2 with a lock; count++ loses updates, AtomicInteger does not";
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.buggy("Unjoined", "创建并开始线程", stage -> squares(stage, false))
                        .asking("How many of the 10 threads will have finished when main reports?"),
                Variant.fixed("Joined", "创建并开始线程", stage -> squares(stage, true))
                        .asking("How many of the 10 threads will have finished when main reports?"),
                Variant.buggy("Racy", "线程间共享数据", stage -> sharedValue(stage, false))
                        .asking("What will End value be?"),
                Variant.fixed("Locked", "线程间共享数据", stage -> sharedValue(stage, true))
                        .asking("What will End value be?"),
                Variant.buggy("count++", "线程间共享数据", stage -> count(stage, Counter.PLAIN))
                        .asking("What will End value be?"),
                Variant.buggy("volatile count++", "线程间共享数据", stage -> count(stage, Counter.VOLATILE))
                        .asking("What will End value be?"),
                Variant.fixed("AtomicInteger", "线程间共享数据", stage -> count(stage, Counter.ATOMIC))
                        .asking("What will End value be?"));
    }

    /*
     * Start and join. Ten threads each compute the squares of 0..999. The seed's loop takes
     * microseconds; ours pauses a millisecond every hundred squares so that the work lasts long
     * enough (about 10 ms a thread) for main to see it unfinished. Unjoined, main reports at once:
     * most of the work is still to do. Joined, main waits for every thread with join() first.
     */
    static Outcome squares(Stage stage, boolean join) throws InterruptedException {
        LongAdder computed = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(stage.thread("T" + (i + 1), () -> squareNumbers(computed)));
        }
        for (Thread t : threads) {
            t.start();
        }
        stage.note("started " + THREADS + " threads");
        if (join) {
            for (Thread t : threads) {
                t.join();
            }
        }
        long finished = threads.stream().filter(t -> !t.isAlive()).count();
        long done = computed.sum();
        stage.note("main: " + finished + " of " + THREADS + " threads finished, "
                + done + " of " + THREADS * SQUARES + " squares computed");
        stage.println("end main");
        return join
                ? Outcome.compare(THREADS, (int) finished, "main called join() on every thread before reporting",
                        "a joined thread was still running")
                : Outcome.compare(THREADS, (int) finished, "every thread happened to finish before main looked; nothing made main wait, and on a busier machine it reports first",
                        "main reported while " + (THREADS - finished) + " threads were still running ("
                                + done + " of " + THREADS * SQUARES + " squares done): it did not join() them");
    }

    static void squareNumbers(LongAdder computed) {
        for (int i = 0; i < SQUARES; i++) {
            int result = i * i;
            computed.increment();
            if (i % 100 == 99) {
                Database.sleep(Duration.ofMillis(1));
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /*
     * Sharing data. Two threads each add 1 to a shared value by reading it into a local copy,
     * "retrieving" for a while (the window), and writing the copy plus one back. A start signal
     * releases both threads together, and the window is far longer than a thread switch, so both
     * read 0 before either writes: End value 1 instead of 2. With a lock held around the whole
     * read-modify-write, the second thread reads only after the first has written: End value 2.
     */
    static Outcome sharedValue(Stage stage, boolean locked) throws InterruptedException {
        // the same program as the locks lesson's first variants: one copy of it, in LocksLesson
        return LocksLesson.run(stage, locked ? LocksLesson.Guard.TRY_WITH_RESOURCES : LocksLesson.Guard.NONE, false);
    }

    /*
     * Races need no sleep. Two threads, released together, each add 1 to a shared counter five
     * million times in a tight loop: no window, nothing but count++.
     *
     * count++ is three steps: read count, add 1, write count. When the two threads run at once
     * (two CPUs, or one CPU switching threads mid-loop), one reads a value the other is about to
     * overwrite, and every increment the other made in between is erased by the stale write.
     *
     * volatile count++: volatile makes every read see the latest write and forbids keeping count
     * in a register, but the read and the write are still two steps with a gap between them, so
     * updates are lost the same way. volatile gives visibility and order, not atomicity.
     *
     * AtomicInteger: incrementAndGet() does the read-add-write as one atomic step (a CPU's
     * lock-prefixed add or compare-and-swap loop): no update is lost.
     */
    enum Counter { PLAIN, VOLATILE, ATOMIC }

    /** The shared counters: a plain field, a volatile one, an atomic one. */
    static final class Counts {
        int plain;
        volatile int shared;
        final java.util.concurrent.atomic.AtomicInteger atomic = new java.util.concurrent.atomic.AtomicInteger();
    }

    static Outcome count(Stage stage, Counter kind) throws InterruptedException {
        Counts counts = new Counts();
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        Runnable increase = () -> {
            // both threads on a CPU before either counts: a start signal would wake them one after
            // the other, and the first could be done before the second runs
            running.incrementAndGet();
            while (running.get() < 2) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Thread.onSpinWait();
            }
            switch (kind) {
                case PLAIN -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        counts.plain++;
                    }
                }
                case VOLATILE -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        counts.shared++;
                    }
                }
                case ATOMIC -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        counts.atomic.incrementAndGet();
                    }
                }
            }
        };
        stage.println("Start value:  0");
        Thread t1 = stage.thread("T1", increase);
        Thread t2 = stage.thread("T2", increase);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        int end = switch (kind) {
            case PLAIN -> counts.plain;
            case VOLATILE -> counts.shared;
            case ATOMIC -> counts.atomic.get();
        };
        stage.println("End value: " + end);
        stage.println("end main");
        String whoRaced = kind == Counter.VOLATILE
                ? "volatile made each read see the latest write, but a read and the write after it are still "
                        + "two steps: a thread that wrote back a stale value erased the other's increments"
                : "each count++ reads, adds and writes in three steps; a thread that wrote back a stale value "
                        + "erased the increments the other had made since its read";
        String whyCorrect = switch (kind) {
            case ATOMIC -> "incrementAndGet() reads, adds and writes in one atomic step: no increment can be lost";
            case PLAIN -> "this time no stale write landed: the loops did not meet (one CPU, no switch"
                    + " mid-loop), or the JIT compiled each loop into one read and one write of +" + INCREMENTS
                    + " and those two did not meet; the next run can lose a whole thread's work";
            case VOLATILE -> "this time the two loops did not overlap (one CPU and no switch mid-loop, or one"
                    + " thread finished first); nothing stops them overlapping on the next run";
        };
        return Outcome.counter(2L * INCREMENTS, end, whyCorrect, whoRaced);
    }
}
