package concurrencydemo.exercises;

import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.StartBarrier;
import concurrencydemo.multiprocessing.Workspace;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * What demo hands your exercise: how much work to do this time, and the calls that do the work
 * while demo watches. Your {@code run(Work work)} is called many times, each time with other sizes
 * and other amounts, so read them from here: the right answer is what the calls add up to, and no
 * number you could write in your file.
 *
 * <ul>
 * <li>{@link #workers()}, {@link #adds()}, {@link #numbers()}: the sizes of this run.</li>
 * <li>{@link #begin()}: the start line. Each worker (thread or process) calls it first; it returns
 *     when all {@link #workers()} workers have called it. So the workers really run at the same
 *     time; a program that starts a worker only after the last one ended waits here in vain, and
 *     the check says so.</li>
 * <li>{@link #step()}: one slow step of work, where a real program would compute or fetch; it
 *     returns how much to add (1 to 9, drawn anew for every call). Call it where the exercise's
 *     comment says, once per step: demo counts the calls and adds up what they returned. Between a
 *     read and the write that depends on it, it makes the race show on every run, on many CPUs or
 *     on one.</li>
 * <li>{@link #process(int)}: the slow work on one item (the queue and pool exercises); its result
 *     depends on the item and on the run.</li>
 * </ul>
 *
 * <p>A {@code Work} may be captured by a process's task: it is {@link Serializable}, and its
 * counters live in shared memory, so calls made in any process count.
 *
 * <p>Thread-safe.
 */
public final class Work implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int workers;
    private final int adds;
    @SuppressWarnings("serial") // List.copyOf's lists are serializable; List, the type, is not
    private final List<Integer> numbers;
    private final long pauseNanos;
    private final long beginTimeoutNanos;
    /** 1-based numbers of the step() calls that throw, sorted; empty in most exercises. */
    private final int[] failing;
    /** process(x) is x * factor + offset: a function of the run that only calling it tells. */
    private final int factor;
    private final int offset;
    /** The step() call (1-based, 0: none) that takes slowMillis longer: a late worker, so a sleep cannot stand for a join. */
    private final int slowStep;
    private final long slowNanos;
    private final long harnessPid;
    /** The harness's thread that called run (main, to the student): set before it starts. */
    private volatile long mainThread = -1;
    private final StartBarrier start;
    private final SharedInt steps;
    private final SharedInt stepSum;
    private final SharedInt thrown;
    private final SharedInt processed;
    private final SharedInt processSum;
    private final SharedInt inFlight;
    private final SharedInt maxInFlight;
    private final SharedInt processedByMain;
    private final SharedInt processedInHarness;
    private final SharedInt alone;

    private Work(Workspace ws, Sizes sizes, Duration pause, Duration beginTimeout) {
        this.workers = sizes.workers();
        this.adds = sizes.adds();
        this.numbers = List.copyOf(sizes.numbers());
        this.failing = sizes.failing().clone();
        this.factor = sizes.factor();
        this.offset = sizes.offset();
        this.slowStep = sizes.slowStep();
        this.slowNanos = sizes.slowMillis() * 1_000_000L;
        this.pauseNanos = pause.toNanos();
        this.beginTimeoutNanos = beginTimeout.toNanos();
        this.harnessPid = ProcessHandle.current().pid();
        this.start = ws.startBarrier(sizes.workers());
        this.steps = ws.sharedInt(0);
        this.stepSum = ws.sharedInt(0);
        this.thrown = ws.sharedInt(0);
        this.processed = ws.sharedInt(0);
        this.processSum = ws.sharedInt(0);
        this.inFlight = ws.sharedInt(0);
        this.maxInFlight = ws.sharedInt(0);
        this.processedByMain = ws.sharedInt(0);
        this.processedInHarness = ws.sharedInt(0);
        this.alone = ws.sharedInt(0);
    }

    /** A run's work, its counters in {@code ws}: for demo's harness. */
    static Work create(Workspace ws, Sizes sizes, Duration pause, Duration beginTimeout) {
        return new Work(ws, sizes, pause, beginTimeout);
    }

    /** For the harness: the thread that will call run, so that work done by main itself is told apart. */
    void calledBy(Thread main) {
        this.mainThread = main.getId();
    }

    /** How many workers (threads or processes) to start. */
    public int workers() {
        return workers;
    }

    /** How many steps (additions) each worker makes. */
    public int adds() {
        return adds;
    }

    /** The items of this run (the queue and pool exercises), in order. */
    public List<Integer> numbers() {
        return numbers;
    }

    /**
     * The start line: returns once all {@link #workers()} workers have called it. If they have not
     * all arrived within a few seconds (a program that starts each worker after the last one
     * ended), it gives up, returns, and demo's check reports that the workers did not overlap. If
     * the calling thread is interrupted while it waits, it returns at once, with the thread's
     * interrupt status set (and the workers count as not having started together).
     */
    public void begin() {
        try {
            start.arrive(Duration.ofNanos(beginTimeoutNanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the student's to handle: begin() itself does not throw it
        }
    }

    /**
     * One slow step: sleeps a moment, giving the CPU to the other workers, and returns how much
     * this step adds, from 1 to 9. In the stranded-lock exercise a few calls (demo chooses which,
     * anew each run) throw {@link StepFailedException} instead, as real work sometimes fails; such a
     * step adds nothing.
     *
     * @throws StepFailedException in the stranded-lock exercise, now and then
     */
    public int step() {
        int n = steps.addAndGet(1);
        if (java.util.Arrays.binarySearch(failing, n) >= 0) {
            thrown.addAndGet(1);
            throw new StepFailedException();
        }
        sleep(n == slowStep ? pauseNanos + slowNanos : pauseNanos);
        int amount = ThreadLocalRandom.current().nextInt(1, 10);
        stepSum.addAndGet(amount);
        return amount;
    }

    /**
     * The slow work on one item: its result, which depends on the item and on this run (the same
     * item gives the same result within a run). Until a second item is being processed at the same
     * time as one, each call waits for one, as {@link #begin()} waits for the workers: a pool whose
     * second process takes a while to start still shows its overlap. If none comes within a few
     * seconds (one worker doing them all), it gives up and goes on.
     */
    public int process(int item) {
        int now = inFlight.addAndGet(1);
        int max;
        while (now > (max = maxInFlight.get()) && !maxInFlight.compareAndSet(max, now)) {
            Thread.onSpinWait();
        }
        if (ProcessHandle.current().pid() == harnessPid) {
            processedInHarness.addAndGet(1);
            if (Thread.currentThread().getId() == mainThread) {
                processedByMain.addAndGet(1);
            }
        }
        long deadline = System.nanoTime() + beginTimeoutNanos;
        while (maxInFlight.get() < 2 && alone.get() == 0) {
            if (System.nanoTime() - deadline > 0) {
                alone.set(1);
                break;
            }
            LockSupport.parkNanos(200_000);
        }
        try {
            sleep(pauseNanos);
            int result = result(item);
            processed.addAndGet(1);
            processSum.addAndGet(result);
            return result;
        } finally {
            inFlight.addAndGet(-1);
        }
    }

    /** What {@link #process} returns for {@code item}: for the harness's grading. */
    int result(int item) {
        return item * factor + offset;
    }

    private static void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }

    /** What demo saw of the calls so far: for the harness. */
    Facts facts() {
        return new Facts(start.arrived(), start.isBroken(), steps.get(), stepSum.get(), thrown.get(), processed.get(),
                processSum.get(), maxInFlight.get(), processedByMain.get(), processedInHarness.get());
    }

    /** Every call counted so far: the harness's sign that the program is moving. */
    int progress() {
        return start.arrived() + steps.get() + processed.get() + inFlight.get();
    }

    /**
     * The sizes of one run, chosen by demo. {@code failing}: the step() calls that throw;
     * {@code factor} and {@code offset}: what process(x) computes, {@code x * factor + offset}.
     */
    record Sizes(int workers, int adds, List<Integer> numbers, int[] failing, int factor, int offset,
            int slowStep, int slowMillis) {
        Sizes(int workers, int adds, List<Integer> numbers, int[] failing, int factor, int offset) {
            this(workers, adds, numbers, failing, factor, offset, 0, 0);
        }
    }

    /**
     * What the calls showed: how many workers reached the start line and whether it gave up on
     * the rest; how many steps, what they added up to, how many threw; how many items were
     * processed and what their results added up to, the most at once, how many by main's own
     * thread and how many in main's process.
     */
    record Facts(int arrived, boolean notTogether, int steps, int stepSum, int thrown, int processed, int processSum,
            int maxInFlight, int processedByMain, int processedInHarness) {
    }

    /** Thrown by {@link #step()} in the stranded-lock exercise: a step that failed. */
    public static final class StepFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailedException() {
        }
    }
}
