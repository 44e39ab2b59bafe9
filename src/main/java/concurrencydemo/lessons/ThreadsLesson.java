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

    @Override
    public int serialWindows() {
        return 2; // two updates, one after the other when locked
    }

    @Override
    public List<Section> sections() {
        return List.of(new Section("创建并开始线程", "Creating and starting threads"),
                new Section("线程间共享数据", "Sharing data between threads"));
    }

    @Override
    public String whatYouSee() {
        return "main reports before its threads finish; End value: 1, then 2 with a lock";
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.racy("Unjoined", "创建并开始线程", stage -> squares(stage, false)),
                Variant.fixed("Joined", "创建并开始线程", stage -> squares(stage, true)),
                Variant.racy("Racy", "线程间共享数据", stage -> sharedValue(stage, false)),
                Variant.fixed("Locked", "线程间共享数据", stage -> sharedValue(stage, true)));
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
        stage.println("started " + THREADS + " threads");
        if (join) {
            for (Thread t : threads) {
                t.join();
            }
        }
        long finished = threads.stream().filter(t -> !t.isAlive()).count();
        long done = computed.sum();
        stage.println("main: " + finished + " of " + THREADS + " threads finished, "
                + done + " of " + THREADS * SQUARES + " squares computed");
        stage.println("end main");
        return join
                ? Outcome.compare(THREADS, (int) finished, "main called join() on every thread before reporting",
                        "a joined thread was still running")
                : Outcome.compare(THREADS, (int) finished, "every thread happened to finish before main looked",
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
}
