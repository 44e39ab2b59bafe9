package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import picocli.CommandLine.Command;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads: starting and joining them, and two threads sharing one variable. Ports the seed's
 * 创建并开始线程 and 线程间共享数据.
 */
@Command(name = "threads")
public final class ThreadsLesson extends Lesson {
    static final int THREADS = 10;
    static final int SQUARES = 1000;
    /**
     * How many times each of the two threads adds 1 in the count++ variants: enough that on two
     * CPUs a plain count++ loses updates on most runs (on one CPU, less often). The test suite
     * sets the system property {@code demo.threads.increments} to fewer: the same lines with
     * other numbers (a buggy variant's verdict varies at either size). Its JVM also compiles with
     * C2, where {@code ./demo} runs C1 only (jvm.flags).
     */
    static final int INCREMENTS = Math.max(100_000,
            Math.min(50_000_000, Integer.getInteger("demo.threads.increments", 5_000_000)));

    /**
     * Whether this JVM may compile hot code with C2 (or another optimising JIT), which may keep a
     * plain field in a register for a whole loop of {@code count++} and write it once at the end.
     * C1 reads and writes a field that a loop writes on every turn, and so does the interpreter:
     * {@code ./demo}'s JVMs (jvm.flags: {@code -XX:TieredStopAtLevel=1}) cannot lose updates that
     * way, a test's JVM or a plain {@code java -jar} can. Unknown (not HotSpot): assumed it may.
     */
    static final boolean OPTIMISING_JIT = optimisingJit();

    static boolean optimisingJit() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null) {
                return true;
            }
            return optimisingJit(Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue()),
                    Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue()),
                    Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()));
        } catch (RuntimeException unknown) { // an option this JVM does not have, say
            return true;
        }
    }

    /**
     * From HotSpot's flags: {@code UseCompiler} (false under {@code -Xint}), {@code
     * TieredCompilation} (false: C2 alone), {@code TieredStopAtLevel} (below 4: no C2).
     */
    static boolean optimisingJit(boolean useCompiler, boolean tiered, int tieredStopAtLevel) {
        return useCompiler && (!tiered || tieredStopAtLevel >= 4);
    }

    @Override
    public int serialWindows() {
        return 2; // two updates, one after the other when locked
    }

    @Override
    public boolean traces() {
        return true; // the Racy and Locked variants; the count++ loops are too long to trace, and say so
    }

    /** Its Racy and Locked variants are the locks lesson's program: their words are in its bundle. */
    @Override
    public List<String> bundles() {
        return List.of(getClass().getName(), LocksLesson.class.getName());
    }

    /** The seed sections it ports. */
    @Override
    public List<Section> sections() {
        return List.of(Seed.START_THREADS, Seed.SHARING_THREADS);
    }

    @Override
    public Message whatYouSee() {
        return Message.of("threads.whatYouSee");
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.buggy("Unjoined", "threads.variant.unjoined", Seed.START_THREADS, stage -> squares(stage, false))
                        .askingAllOrFewer(Message.of("threads.question.finishedAll", THREADS), THREADS),
                Variant.fixed("Joined", "threads.variant.joined", Seed.START_THREADS, stage -> squares(stage, true))
                        .askingAllOrFewer(Message.of("threads.question.finishedAll", THREADS), THREADS),
                Variant.buggy("Racy", "threads.variant.racy", Seed.SHARING_THREADS, stage -> sharedValue(stage, false))
                        .askingAllOrFewer(Message.of("threads.question.endAll", 2), 2),
                Variant.fixed("Locked", "threads.variant.locked", Seed.SHARING_THREADS, stage -> sharedValue(stage, true))
                        .askingAllOrFewer(Message.of("threads.question.endAll", 2), 2),
                Variant.buggy("count++", "threads.variant.count", Seed.SHARING_THREADS, stage -> count(stage, Counter.PLAIN))
                        .askingAllOrFewer(Message.of("threads.question.endAll", 2L * INCREMENTS), 2L * INCREMENTS),
                Variant.buggy("volatile count++", "threads.variant.volatileCount", Seed.SHARING_THREADS,
                        stage -> count(stage, Counter.VOLATILE))
                        .askingAllOrFewer(Message.of("threads.question.endAll", 2L * INCREMENTS), 2L * INCREMENTS),
                Variant.fixed("AtomicInteger", "threads.variant.atomicInteger", Seed.SHARING_THREADS,
                        stage -> count(stage, Counter.ATOMIC))
                        .askingAllOrFewer(Message.of("threads.question.endAll", 2L * INCREMENTS), 2L * INCREMENTS));
    }

    /*
     * Start and join. Ten threads each compute the squares of 0..999. The seed's loop takes
     * microseconds; ours pauses a millisecond every hundred squares so that the work lasts long
     * enough (about 10 ms a thread) for main to see it unfinished. Unjoined, main reports at once:
     * much of the work is still to do. Joined, main waits for every thread with join() first.
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
        stage.note(Message.of("threads.started", THREADS));
        if (join) {
            for (Thread t : threads) {
                t.join();
            }
        }
        long finished = threads.stream().filter(t -> !t.isAlive()).count();
        long done = computed.sum();
        stage.note(Message.of("threads.mainSaw", finished, THREADS, done, THREADS * SQUARES));
        stage.println("end main");
        return join
                ? Outcome.compare(THREADS, (int) finished, Message.of("threads.joined.correct"),
                        Message.of("threads.joined.wrong"))
                : Outcome.compare(THREADS, (int) finished, Message.of("threads.unjoined.lucky"),
                        Message.of("threads.unjoined.wrong", THREADS - finished, done, THREADS * SQUARES));
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
     * Races need no sleep. Two threads, released together, each add 1 to a shared counter INCREMENTS
     * times (five million) in a tight loop: no window, nothing but count++.
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
        if (stage.trace() != null) {
            // millions of steps: a trace is for the small programs, whose few steps can be read
            stage.note(Message.of("threads.count.noTrace", INCREMENTS, Message.of("threads.variant.racy"),
                    Message.of("threads.variant.locked")));
        }
        Message whoRaced = Message.of(kind == Counter.VOLATILE ? "threads.volatile.lost" : "threads.count.lost");
        Message whyCorrect = switch (kind) {
            case ATOMIC -> Message.of("threads.atomic.correct");
            // C2 may turn the loop into one read and one write; C1 and the interpreter may not
            case PLAIN -> OPTIMISING_JIT ? Message.of("threads.count.lucky.c2", INCREMENTS)
                    : Message.of("threads.count.lucky");
            case VOLATILE -> Message.of("threads.volatile.lucky");
        };
        return Outcome.counter(2L * INCREMENTS, end, whyCorrect, whoRaced);
    }
}
