package concurrencydemo.exercises;

import concurrencydemo.report.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The exercises, in teaching order (the lessons' order: threads, locks, processes, shared memory,
 * queues, pools): the one place that order is written down. Each one's grader is here too: what a
 * right run returns, and what the counted calls must show.
 */
public final class Exercises {
    /** The exercises' message bundle, beside this class. */
    public static final String BUNDLE = "concurrencydemo.exercises.Exercises";

    private static final Duration SHORT = Duration.ofNanos(200_000);
    private static final Duration MILLI = Duration.ofMillis(1);

    /** Every exercise, in teaching order. */
    public static final List<Exercise> ALL = List.of(
            new Exercise("join-threads", "threads", "创建并开始线程", "JoinThreads", false, 10, MILLI,
                    r -> sizes(r.nextInt(2, 5), r.nextInt(20, 41)), Exercises::gradeJoin, 3),
            new Exercise("shared-counter", "locks", "使用锁处理资源竟态", "SharedCounter", false, 10, SHORT,
                    r -> sizes(r.nextInt(2, 5), r.nextInt(30, 61)), Exercises::gradeCount, 3),
            new Exercise("stranded-lock", "locks", "使用上下文管理器", "StrandedLock", false, 10, SHORT,
                    Exercises::strandedSizes, Exercises::gradeStranded, 3),
            new Exercise("join-processes", "processes", "创建并开启进程", "JoinProcesses", true, 3, MILLI,
                    r -> sizes(r.nextInt(2, 4), r.nextInt(10, 21)), Exercises::gradeJoin, 3),
            new Exercise("static-field", "race-condition", "进程间分享数据", "StaticField", true, 3, MILLI,
                    r -> sizes(r.nextInt(2, 4), r.nextInt(10, 31)), Exercises::gradeShared, 3),
            new Exercise("value-array-lock", "race-condition", "可以使用锁避免资源竟态", "ValueArrayLock", true, 3,
                    SHORT, r -> new Work.Sizes(4, r.nextInt(15, 31), Exercise.range(r, 3, 100), new int[0]),
                    Exercises::gradeValueArray, 3),
            new Exercise("task-done", "queues", "多线程消息队列通信", "TaskDone", false, 10, MILLI,
                    r -> new Work.Sizes(r.nextInt(2, 4), 0, Exercise.range(r, r.nextInt(10, 21), 100), new int[0]),
                    Exercises::gradeQueue, 3),
            new Exercise("pool-map", "pools", "进程池", "PoolMap", true, 3, Duration.ofMillis(20),
                    r -> new Work.Sizes(r.nextInt(2, 4), 0, Exercise.range(r, r.nextInt(6, 13), 50), new int[0]),
                    Exercises::gradePool, 3));

    private Exercises() {
    }

    /** The exercise named {@code name}. */
    public static Optional<Exercise> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The exercise after {@code e}, if any. */
    public static Optional<Exercise> after(Exercise e) {
        int i = ALL.indexOf(e);
        return i + 1 < ALL.size() ? Optional.of(ALL.get(i + 1)) : Optional.empty();
    }

    private static Work.Sizes sizes(int workers, int adds) {
        return new Work.Sizes(workers, adds, List.of(), new int[0]);
    }

    /** Two to four of the run's pause() calls throw, never the same ones twice in a row of runs. */
    private static Work.Sizes strandedSizes(Random r) {
        int workers = r.nextInt(2, 4);
        int adds = r.nextInt(30, 61);
        int total = workers * adds;
        int[] failing = r.ints(1, total + 1).distinct().limit(r.nextInt(2, 5)).sorted().toArray();
        return new Work.Sizes(workers, adds, List.of(), failing);
    }

    /*
     * What every exercise with workers needs before its answer counts: all of them at the start
     * line together (not one after another), and one pause() per step, no more and no fewer.
     */
    private static Message together(Work.Sizes sizes, Work.Facts end, int steps) {
        if (end.notTogether()) {
            return Message.of("check.notTogether", sizes.workers());
        }
        if (end.arrived() != sizes.workers()) {
            return Message.of("check.notBegun", sizes.workers(), end.arrived());
        }
        if (end.pauses() != steps) {
            return Message.of("check.pauses", end.pauses(), steps);
        }
        return null;
    }

    /**
     * The join exercises: each worker counts its own steps; run returns the sum. A run that
     * returned short while steps were still to come did not wait: that is the answer, whatever else
     * its early return cut short (in the process exercise, closing the workspace stops the workers).
     */
    static Message gradeJoin(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int total = sizes.workers() * sizes.adds();
        boolean right = Integer.valueOf(total).equals(returned);
        if (!right && atReturn.pauses() < total) {
            return Message.of("check.returnedEarly", show(returned), total, atReturn.pauses());
        }
        Message before = together(sizes, end, total);
        if (before != null) {
            return before;
        }
        return right ? null : Message.of("check.wrongTotal", show(returned), total, sizes.workers(), sizes.adds());
    }

    /** The static field: main's own copy, never written by the processes, says 0. */
    static Message gradeShared(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int total = sizes.workers() * sizes.adds();
        if (Integer.valueOf(0).equals(returned) && end.pauses() > 0) {
            return Message.of("check.ownCopies", total, sizes.workers());
        }
        return gradeCount(sizes, returned, atReturn, end);
    }

    /** The counter exercises: every addition of every worker must be in the total. */
    static Message gradeCount(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int total = sizes.workers() * sizes.adds();
        Message before = together(sizes, end, total);
        if (before != null) {
            return before;
        }
        if (!Integer.valueOf(total).equals(returned)) {
            return returned instanceof Integer got && got < total && got >= 0
                    ? Message.of("check.lost", got, total, total - got, sizes.workers(), sizes.adds())
                    : Message.of("check.wrongTotal", show(returned), total, sizes.workers(), sizes.adds());
        }
        return null;
    }

    /** The stranded lock: the additions whose pause() threw are not counted; all the others are. */
    static Message gradeStranded(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int total = sizes.workers() * sizes.adds();
        Message before = together(sizes, end, total);
        if (before != null) {
            return before;
        }
        int right = total - sizes.failing().length;
        if (!Integer.valueOf(right).equals(returned)) {
            return Message.of("check.strandedTotal", show(returned), right, total, sizes.failing().length);
        }
        return null;
    }

    /** Two processes add 1 to the Value, two add 1 to each element of the Array, adds() times each. */
    static Message gradeValueArray(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int n = sizes.adds();
        int arrayLength = sizes.numbers().size();
        Message before = together(sizes, end, 2 * n + 2 * n * arrayLength);
        if (before != null) {
            return before;
        }
        double[] expected = new double[1 + arrayLength];
        expected[0] = 2 * n;
        for (int i = 0; i < arrayLength; i++) {
            expected[1 + i] = sizes.numbers().get(i) + 2 * n;
        }
        if (!(returned instanceof double[] got) || !Arrays.equals(got, expected)) {
            return Message.of("check.wrongValues", show(returned), show(expected), n);
        }
        return null;
    }

    /** The queue: every item taken, paused on once, and added to the total. */
    static Message gradeQueue(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        Message before = together(sizes, end, sizes.numbers().size());
        if (before != null) {
            return before;
        }
        int sum = sizes.numbers().stream().mapToInt(Integer::intValue).sum();
        if (!Integer.valueOf(sum).equals(returned)) {
            return Message.of("check.wrongSum", show(returned), sum, sizes.numbers().size());
        }
        return null;
    }

    /** The pool: the squares in order, computed by at least two other processes at once. */
    static Message gradePool(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        List<Integer> expected = new ArrayList<>();
        for (int x : sizes.numbers()) {
            expected.add(x * x);
        }
        if (!expected.equals(returned)) {
            return Message.of("check.wrongSquares", show(returned), show(expected));
        }
        if (end.squares() != sizes.numbers().size()) {
            return Message.of("check.squares", end.squares(), sizes.numbers().size());
        }
        if (end.squaredInMain() > 0) {
            return Message.of("check.squaredInMain", end.squaredInMain(), sizes.numbers().size());
        }
        if (end.maxInFlight() < 2) {
            return Message.of("check.oneAtATime", sizes.numbers().size());
        }
        return null;
    }

    /** A returned value as a student would write it: {@code null}, {@code 42}, {@code [1, 4, 9]}. */
    static String show(Object value) {
        if (value instanceof double[] d) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < d.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(d[i] == Math.rint(d[i]) ? Long.toString((long) d[i]) : Double.toString(d[i]));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }
}
