package concurrencydemo.exercises;

import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What demo hands your exercise: how much work to do this time, and the calls that let demo watch
 * it being done. Your {@code run(Work work)} is called many times, each time with other sizes, so
 * read them from here; never write a number of your own.
 *
 * <ul>
 * <li>{@link #workers()}, {@link #adds()}, {@link #numbers()}: the sizes of this run.</li>
 * <li>{@link #begin()}: the start line. Each worker (thread or process) calls it first; it returns
 *     when all {@link #workers()} workers have called it. So the workers really run at the same
 *     time; a program that starts a worker only after the last one ended waits here in vain, and
 *     the check says so.</li>
 * <li>{@link #pause()}: a slow step, where a real program would compute or wait for a disk. Call
 *     it where the exercise's comment says, once per step: demo counts the calls. Between a read
 *     and the write that depends on it, it makes the race show on every run, on many CPUs or on
 *     one.</li>
 * <li>{@link #square(int)}: {@code x * x}, slowly (the pool exercise's function).</li>
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
    private final List<Integer> numbers;
    private final long pauseNanos;
    private final long beginTimeoutNanos;
    /** 1-based numbers of the pause() calls that throw, sorted; empty in most exercises. */
    private final int[] failing;
    private final long harnessPid;
    private final SharedInt arrived;
    private final SharedInt broken;
    private final SharedInt pauses;
    private final SharedInt thrown;
    private final SharedInt squares;
    private final SharedInt inFlight;
    private final SharedInt maxInFlight;
    private final SharedInt squaredInMain;
    private final SharedInt squaredAlone;

    private Work(Workspace ws, Sizes sizes, Duration pause, Duration beginTimeout) {
        this.workers = sizes.workers();
        this.adds = sizes.adds();
        this.numbers = List.copyOf(sizes.numbers());
        this.failing = sizes.failing().clone();
        this.pauseNanos = pause.toNanos();
        this.beginTimeoutNanos = beginTimeout.toNanos();
        this.harnessPid = ProcessHandle.current().pid();
        this.arrived = ws.sharedInt(0);
        this.broken = ws.sharedInt(0);
        this.pauses = ws.sharedInt(0);
        this.thrown = ws.sharedInt(0);
        this.squares = ws.sharedInt(0);
        this.inFlight = ws.sharedInt(0);
        this.maxInFlight = ws.sharedInt(0);
        this.squaredInMain = ws.sharedInt(0);
        this.squaredAlone = ws.sharedInt(0);
    }

    /** A run's work, its counters in {@code ws}: for demo's harness. */
    static Work create(Workspace ws, Sizes sizes, Duration pause, Duration beginTimeout) {
        return new Work(ws, sizes, pause, beginTimeout);
    }

    /** How many workers (threads or processes) to start. */
    public int workers() {
        return workers;
    }

    /** How many additions (or steps) each worker makes. */
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
     * ended), it gives up, returns, and demo's check reports that the workers did not overlap.
     */
    public void begin() {
        arrived.addAndGet(1);
        long deadline = System.nanoTime() + beginTimeoutNanos;
        while (arrived.get() < workers && broken.get() == 0) {
            if (System.nanoTime() - deadline > 0) {
                broken.set(1);
                return;
            }
            LockSupport.parkNanos(200_000);
        }
    }

    /**
     * A slow step: sleeps a moment, giving the CPU to the other workers. In the stranded-lock
     * exercise, a few calls (demo chooses which, anew each run) throw {@link StepFailedException}
     * instead, as real work sometimes fails.
     *
     * @throws StepFailedException in the stranded-lock exercise, now and then
     */
    public void pause() {
        int n = pauses.addAndGet(1);
        if (java.util.Arrays.binarySearch(failing, n) >= 0) {
            thrown.addAndGet(1);
            throw new StepFailedException();
        }
        sleep(pauseNanos);
    }

    /**
     * {@code x * x}, computed slowly (it sleeps a moment first). Until a second square has been
     * computing at the same time as one, each call waits for one, as {@link #begin()} waits for the
     * workers: a pool whose second process takes a while to start still shows its overlap. If none
     * comes within a few seconds (one process computing them all), it gives up and goes on.
     */
    public int square(int x) {
        int now = inFlight.addAndGet(1);
        int max;
        while (now > (max = maxInFlight.get()) && !maxInFlight.compareAndSet(max, now)) {
            Thread.onSpinWait();
        }
        if (ProcessHandle.current().pid() == harnessPid) {
            squaredInMain.addAndGet(1);
        }
        long deadline = System.nanoTime() + beginTimeoutNanos;
        while (maxInFlight.get() < 2 && squaredAlone.get() == 0) {
            if (System.nanoTime() - deadline > 0) {
                squaredAlone.set(1);
                break;
            }
            LockSupport.parkNanos(200_000);
        }
        try {
            sleep(pauseNanos);
            squares.addAndGet(1);
            return x * x;
        } finally {
            inFlight.addAndGet(-1);
        }
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
        return new Facts(arrived.get(), broken.get() != 0, pauses.get(), thrown.get(), squares.get(),
                maxInFlight.get(), squaredInMain.get());
    }

    /** Every call counted so far: the harness's sign that the program is moving. */
    int progress() {
        return arrived.get() + pauses.get() + squares.get() + inFlight.get();
    }

    /** The sizes of one run, chosen by demo. {@code failing}: the pause() calls that throw. */
    record Sizes(int workers, int adds, List<Integer> numbers, int[] failing) {
    }

    /**
     * What the calls showed: how many workers reached the start line and whether it gave up on
     * the rest; how many pauses (and how many of them threw), squares, the most squares at once,
     * and how many were computed in the harness's own process (main's, in the pool exercise).
     */
    record Facts(int arrived, boolean notTogether, int pauses, int thrown, int squares, int maxInFlight,
            int squaredInMain) {
    }

    /** Thrown by {@link #pause()} in the stranded-lock exercise: a step that failed. */
    public static final class StepFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailedException() {
        }
    }
}
