package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.ProcessLock;
import concurrencydemo.multiprocessing.Rounds;
import concurrencydemo.multiprocessing.SharedDoubles;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.SharedTrace;
import concurrencydemo.multiprocessing.Task;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Trace;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Four child JVMs add to a Value and an Array in shared memory, first without a lock, then with
 * one. Ports the seed's 进程间分享数据 and 可以使用锁避免资源竟态.
 */
@Command(name = "race-condition", aliases = "shared-memory")
public final class RaceConditionLesson extends Lesson {
    static final int ADDS = 100;
    static final double[] ARRAY_START = {0.0, 100.0, 200.0};
    /**
     * Between a process's read and its write. The seed sleeps 1-10 ms between its updates; a
     * window inside each update makes the race certain, and 200 µs keeps the locked run short.
     */
    static final Duration WINDOW = Duration.ofNanos(200_000);
    static final List<String> NAMES = List.of("P1", "P2", "P3", "P4");

    /** The locked Array takes 600 windows one after another: at 10ms, six seconds. */
    @Override
    public Duration maxWindow() {
        return Duration.ofMillis(10);
    }

    @Override
    public int serialWindows() {
        return 2 * ADDS * ARRAY_START.length; // two processes, each 100 additions to three elements
    }

    @Override
    public boolean traces() {
        return true; // the Value
    }

    /** The seed sections it ports. */
    @Override
    public List<Section> sections() {
        return List.of(Seed.SHARING_PROCESSES, Seed.LOCK_PROCESSES);
    }

    @Override
    public Message whatYouSee() {
        return Message.of("race-condition.whatYouSee");
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.buggy("Racy", "race-condition.variant.racy", Seed.SHARING_PROCESSES, stage -> run(stage, false))
                        .withTrials((stage, n) -> trials(stage, false, n))
                        .askingAllOrFewer(Message.of("race-condition.question.all", 2 * ADDS), 2 * ADDS),
                Variant.fixed("Locked", "race-condition.variant.locked", Seed.LOCK_PROCESSES, stage -> run(stage, true))
                        .withTrials((stage, n) -> trials(stage, true, n))
                        .askingAllOrFewer(Message.of("race-condition.question.all", 2 * ADDS), 2 * ADDS));
    }

    /*
     * Two processes each add 1 to the shared Value 100 times; two others add 1 to each of the
     * Array's three elements 100 times. Each addition is a read, a short wait (the window, where a
     * real program would compute or fetch), and a write. A start barrier in the shared memory holds
     * all four processes until the last JVM has started, so they really run at the same time.
     *
     * Racy: P1 reads 41 and waits; P2 reads 41 too and waits; P1 writes 42; P2 writes 42. One of
     * the two additions is gone, and it happens on most rounds, on many CPUs or on one: a process
     * that waits gives its CPU to the other, which then reads the same old value.
     *
     * Locked: each read-wait-write holds a cross-process Lock (one for the Value, one for the
     * Array, as in the seed), so the other process reads only after the write: 200 and
     * [200.0, 300.0, 400.0], every time.
     */
    static Outcome run(Stage stage, boolean locked) throws Exception {
        Duration window = stage.window(WINDOW);
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            SharedInt number = ws.sharedInt(0);
            stage.println("Value at beginning: " + number.get());
            SharedDoubles array = ws.sharedDoubles(ARRAY_START);
            stage.println("Array at beginning: " + array);

            SharedTrace trace = stage.trace() == null ? null : ws.sharedTrace(2 * ADDS * 5);
            List<ChildProcess> processes = Processes.startTogether(ws, NAMES,
                    adders(ws, locked, number, array, window, trace));
            Processes.joinAll(processes);

            int value = number.get();
            double[] end = array.toArray();
            stage.println("Value at end: " + value);
            stage.println("Array at end: " + array);
            stage.println("end main");
            if (trace != null) {
                stage.printTrace(trace.steps().stream()
                        .map(s -> new Trace.Event(s.actor(), s.op(), s.value(), s.nanos())).toList(),
                        Message.of("race-condition.traced"));
            }
            return grade(value, end, locked);
        }
    }

    /**
     * The four children's programs: two add to the Value, two to the Array; racy, or each addition
     * under its Lock (one for the Value, one for the Array). Steps recorded in {@code trace} when
     * not null.
     */
    static List<Task> adders(Workspace ws, boolean locked, SharedInt number, SharedDoubles array, Duration window,
                             SharedTrace trace) {
        if (!locked) {
            return List.of(() -> add100(number, window, trace, 1), () -> add100(number, window, trace, 2),
                    () -> add100Array(array, window), () -> add100Array(array, window));
        }
        ProcessLock valueLock = ws.lock();
        ProcessLock arrayLock = ws.lock();
        return List.of(() -> add100Locked(number, valueLock, window, trace, 1),
                () -> add100Locked(number, valueLock, window, trace, 2),
                () -> add100ArrayLocked(array, arrayLock, window), () -> add100ArrayLocked(array, arrayLock, window));
    }

    /** Racy: 100 read-wait-writes of the Value, each step recorded in {@code trace} (when not null) as process {@code me}. */
    static void add100(SharedInt number, Duration window, SharedTrace trace, int me) {
        for (int i = 0; i < ADDS; i++) {
            addOne(number, window, trace, me);
        }
    }

    /** Locked: the same additions, each one holding {@code lock}, released whatever ends it. */
    static void add100Locked(SharedInt number, ProcessLock lock, Duration window, SharedTrace trace, int me)
            throws Exception {
        for (int i = 0; i < ADDS; i++) {
            record(trace, me, "ask", 0); // a trace shows how long the other process waited
            lock.acquire();
            try {
                record(trace, me, "lock", 0);
                addOne(number, window, trace, me);
                record(trace, me, "unlock", 0); // while the lock is still held: the release comes after it
            } finally {
                lock.release();
            }
        }
    }

    /** One read, wait, write of the Value. */
    private static void addOne(SharedInt number, Duration window, SharedTrace trace, int me) {
        int localCopy = number.get();
        record(trace, me, "read", localCopy);
        Database.sleep(window);
        number.set(localCopy + 1);
        record(trace, me, "write", localCopy + 1);
    }

    private static void record(SharedTrace trace, int me, String op, int value) {
        if (trace != null) {
            trace.record(me, op, value);
        }
    }

    /** Racy: 100 times, a read-wait-write of each element of the Array. */
    static void add100Array(SharedDoubles numbers, Duration window) {
        for (int i = 0; i < ADDS; i++) {
            for (int j = 0; j < numbers.length(); j++) {
                addOne(numbers, j, window);
            }
        }
    }

    /** Locked: the same additions, each one holding {@code lock}, released whatever ends it. */
    static void add100ArrayLocked(SharedDoubles numbers, ProcessLock lock, Duration window) throws Exception {
        for (int i = 0; i < ADDS; i++) {
            for (int j = 0; j < numbers.length(); j++) {
                lock.acquire();
                try {
                    addOne(numbers, j, window);
                } finally {
                    lock.release();
                }
            }
        }
    }

    /** One read, wait, write of element {@code j}. */
    private static void addOne(SharedDoubles numbers, int j, Duration window) {
        double localCopy = numbers.get(j);
        Database.sleep(window);
        numbers.set(j, localCopy + 1);
    }

    /*
     * --trials: the four children start once and run every trial. For trial k the parent resets
     * the Value and the Array and stores k in a shared round number; the children, waiting on it,
     * all start at that moment (the round is the start barrier), run their additions, and count
     * themselves done in shared memory; the parent then grades the trial, and the framework starts
     * the next.
     */
    static Variant.Trial trials(Stage stage, boolean locked, int n) throws Exception {
        Duration window = stage.window(WINDOW);
        Workspace ws = stage.track(Workspace.create(stage::println));
        SharedInt number = ws.sharedInt(0);
        SharedDoubles array = ws.sharedDoubles(ARRAY_START);
        Rounds rounds = new Rounds(ws, 4);
        List<ChildProcess> processes = Processes.startInRounds(ws, rounds, n, NAMES,
                adders(ws, locked, number, array, window, null));
        return Variant.Trial.of(k -> {
            number.set(0);
            for (int i = 0; i < ARRAY_START.length; i++) {
                array.set(i, ARRAY_START[i]);
            }
            rounds.runRound(k, processes);
            return grade(number.get(), array.toArray(), locked);
        }, () -> Processes.joinAll(processes));
    }

    static Outcome grade(int value, double[] array, boolean locked) {
        double[] expectedArray = new double[ARRAY_START.length];
        long arrayLost = 0;
        for (int i = 0; i < expectedArray.length; i++) {
            expectedArray[i] = ARRAY_START[i] + 2 * ADDS;
            arrayLost += Math.round(expectedArray[i] - array[i]);
        }
        long valueLost = 2 * ADDS - value;
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("value", 2 * ADDS);
        expected.put("array", toList(expectedArray));
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("value", value);
        observed.put("array", toList(array));
        boolean correct = valueLost == 0 && arrayLost == 0;
        Message explanation = correct
                ? Message.of(locked ? "race-condition.locked.correct" : "race-condition.racy.lucky")
                : Message.of("race-condition.lost", valueLost, 2 * ADDS, arrayLost, 2 * ADDS * ARRAY_START.length);
        StringBuilder key = new StringBuilder(value + " [");
        for (int i = 0; i < array.length; i++) {
            key.append(i == 0 ? "" : " ").append(Math.round(array[i]));
        }
        return new Outcome(expected, observed, correct, explanation)
                .withLostUpdates(valueLost + arrayLost)
                .withTrialKey(key.append(']').toString());
    }

    static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
