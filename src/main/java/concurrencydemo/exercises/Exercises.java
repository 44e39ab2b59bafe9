package concurrencydemo.exercises;

import concurrencydemo.framework.Seed;
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
 * right run returns, and what the counted calls must show. A right answer is what the calls added
 * up to ({@link Work#step()} returns a fresh amount each time, {@link Work#process} a function of
 * the run), so no answer written in the file, nor one computed from the sizes, can pass.
 */
public final class Exercises {
    /** The exercises' message bundle, beside this class. */
    public static final String BUNDLE = "concurrencydemo.exercises.Exercises";

    private static final Duration SHORT = Duration.ofNanos(200_000);
    private static final Duration MILLI = Duration.ofMillis(1);

    /** Every exercise, in teaching order. */
    public static final List<Exercise> ALL = List.of(
            Exercise.named("join-threads").section(Seed.START_THREADS).className("JoinThreads").threads()
                    .trials(10).pause(MILLI).sizes(r -> late(r, sizes(r.nextInt(2, 5), r.nextInt(20, 41)), 3, 1000, 2500))
                    .grader(Exercises::gradeJoin).build(),
            Exercise.named("shared-counter").section(Seed.LOCK_THREADS).className("SharedCounter").threads()
                    .trials(10).pause(SHORT).sizes(r -> sizes(r.nextInt(2, 5), r.nextInt(30, 61)))
                    .grader(Exercises::gradeCount).build(),
            Exercise.named("stranded-lock").section(Seed.WITH_THREADS).className("StrandedLock").threads()
                    .trials(10).pause(SHORT).sizes(Exercises::strandedSizes)
                    .grader(Exercises::gradeStranded).build(),
            Exercise.named("join-processes").section(Seed.START_PROCESSES).className("JoinProcesses").processes()
                    .trials(3).pause(MILLI).sizes(r -> late(r, sizes(r.nextInt(2, 4), r.nextInt(10, 21)), 1, 500, 2000))
                    .grader(Exercises::gradeJoin).build(),
            Exercise.named("static-field").section(Seed.SHARING_PROCESSES).className("StaticField").processes()
                    .trials(3).pause(MILLI).sizes(r -> sizes(r.nextInt(2, 4), r.nextInt(10, 31)))
                    .grader(Exercises::gradeShared).build(),
            Exercise.named("value-array-lock").section(Seed.LOCK_PROCESSES).className("ValueArrayLock").processes()
                    .trials(3).pause(SHORT)
                    .sizes(r -> new Work.Sizes(4, r.nextInt(15, 31), Exercise.range(r, 3, 100), new int[0], 1, 0))
                    .grader(Exercises::gradeValueArray).build(),
            Exercise.named("task-done").section(Seed.QUEUE_THREADS).className("TaskDone").threads()
                    .trials(10).pause(MILLI).sizes(r -> items(r, r.nextInt(2, 4), r.nextInt(10, 21)))
                    .grader(Exercises::gradeQueue).build(),
            Exercise.named("pool-map").section(Seed.POOL).className("PoolMap").processes()
                    .trials(3).pause(Duration.ofMillis(20)).sizes(r -> items(r, r.nextInt(2, 4), r.nextInt(6, 13)))
                    .grader(Exercises::gradePool).build());

    private Exercises() {
    }

    /** The exercise named {@code name}. */
    public static Optional<Exercise> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static Work.Sizes sizes(int workers, int adds) {
        return new Work.Sizes(workers, adds, List.of(), new int[0], 1, 0);
    }

    /**
     * The join exercises' sizes with, in one run out of {@code oneIn}, one step late by {@code min}
     * to {@code max} milliseconds: a worker that ends late, as real ones do, so that main sleeping a
     * while instead of waiting for its workers is caught.
     */
    private static Work.Sizes late(Random r, Work.Sizes s, int oneIn, int min, int max) {
        if (r.nextInt(oneIn) != 0) {
            return s;
        }
        return new Work.Sizes(s.workers(), s.adds(), s.numbers(), s.failing(), s.factor(), s.offset(),
                r.nextInt(1, s.workers() * s.adds() + 1), r.nextInt(min, max + 1));
    }

    /** Items 1 to 99, and a process(x) of this run: x times 2 to 9, plus 1 to 99. */
    private static Work.Sizes items(Random r, int workers, int count) {
        return new Work.Sizes(workers, 0, Exercise.range(r, count, 100), new int[0], r.nextInt(2, 10), r.nextInt(1, 100));
    }

    /**
     * Two to four of the run's step() calls throw, drawn anew each run from the first adds() calls:
     * when one of those fails, every other worker still has steps to make, so a lock the failure
     * strands blocks them. (A later failure could come when the others are done: a stranded lock
     * nobody waits for, a lucky run.)
     */
    private static Work.Sizes strandedSizes(Random r) {
        int workers = r.nextInt(2, 4);
        int adds = r.nextInt(30, 61);
        int[] failing = r.ints(1, adds + 1).distinct().limit(r.nextInt(2, 5)).sorted().toArray();
        return new Work.Sizes(workers, adds, List.of(), failing, 1, 0);
    }

    /*
     * What every exercise with workers needs before its answer counts: all of them at the start
     * line together (not one after another), and one step() per step, no more and no fewer.
     */
    private static Message together(Work.Sizes sizes, Work.Facts end, int steps) {
        if (end.notTogether()) {
            return Message.of("check.notTogether", sizes.workers());
        }
        if (end.arrived() != sizes.workers()) {
            return Message.of("check.notBegun", sizes.workers(), end.arrived());
        }
        if (end.steps() != steps) {
            return Message.of("check.steps", end.steps(), steps);
        }
        return null;
    }

    /**
     * The join exercises: each worker adds up its own steps; run returns the sum of all. A run
     * that returned while steps were still to come did not wait, whatever it returned (in the
     * process exercise, closing the workspace then stops the workers).
     */
    static Message gradeJoin(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int total = sizes.workers() * sizes.adds();
        if (atReturn.steps() < total || atReturn.arrived() < sizes.workers()) {
            return Message.of("check.returnedEarly", show(returned), atReturn.steps(), total);
        }
        Message before = together(sizes, end, total);
        if (before != null) {
            return before;
        }
        return Integer.valueOf(end.stepSum()).equals(returned) ? null
                : Message.of("check.wrongTotal", show(returned), end.stepSum());
    }

    /** The counter exercises: every step's amount must be in the total. */
    static Message gradeCount(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        Message before = together(sizes, end, sizes.workers() * sizes.adds());
        if (before != null) {
            return before;
        }
        return total(returned, end.stepSum());
    }

    private static Message total(Object returned, int right) {
        if (Integer.valueOf(right).equals(returned)) {
            return null;
        }
        return returned instanceof Integer got && got < right && got >= 0
                ? Message.of("check.lost", got, right, right - got)
                : Message.of("check.wrongTotal", show(returned), right);
    }

    /** The static field: main's own copy, never written by the processes, says 0. */
    static Message gradeShared(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        if (Integer.valueOf(0).equals(returned) && end.stepSum() > 0) {
            return Message.of("check.ownCopies", end.stepSum(), sizes.workers());
        }
        return gradeCount(sizes, returned, atReturn, end);
    }

    /** The stranded lock: a step that threw adds nothing; every other one counts. */
    static Message gradeStranded(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        Message before = together(sizes, end, sizes.workers() * sizes.adds());
        if (before != null) {
            return before;
        }
        if (!Integer.valueOf(end.stepSum()).equals(returned)) {
            return Message.of("check.strandedTotal", show(returned), end.stepSum(), end.thrown());
        }
        return null;
    }

    /**
     * Two processes add to the Value, two to each element of the Array, adds() steps each: what the
     * Value and the Array grew by, together, must be what the steps returned.
     */
    static Message gradeValueArray(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        int n = sizes.adds();
        List<Integer> start = sizes.numbers();
        Message before = together(sizes, end, 2 * n + 2 * n * start.size());
        if (before != null) {
            return before;
        }
        if (!(returned instanceof double[] got) || got.length != 1 + start.size()) {
            return Message.of("check.valuesShape", show(returned), 1 + start.size());
        }
        double grew = got[0];
        for (int i = 0; i < start.size(); i++) {
            grew += got[1 + i] - start.get(i);
        }
        if (grew != end.stepSum()) {
            return Message.of("check.wrongValues", show(returned), show(start), Math.round(grew), end.stepSum());
        }
        return null;
    }

    /** The queue: every item processed once, by the workers, the results added up. */
    static Message gradeQueue(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        Message before = together(sizes, end, 0);
        if (before != null) {
            return before;
        }
        if (end.processedByMain() > 0) {
            return Message.of("check.processedByMain", end.processedByMain(), sizes.numbers().size());
        }
        if (end.processed() != sizes.numbers().size()) {
            return Message.of("check.processCalls", end.processed(), sizes.numbers().size());
        }
        if (!Integer.valueOf(end.processSum()).equals(returned)) {
            return Message.of("check.wrongSum", show(returned), end.processSum(), sizes.numbers().size());
        }
        return null;
    }

    /** The pool: each number's result in order, processed by other processes, at least two at once. */
    static Message gradePool(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts end) {
        List<Integer> expected = new ArrayList<>();
        Work.Sizes s = sizes;
        for (int x : s.numbers()) {
            expected.add(x * s.factor() + s.offset());
        }
        if (end.processedInHarness() > 0) {
            return Message.of("check.processedInMain", end.processedInHarness(), s.numbers().size());
        }
        if (end.processed() != s.numbers().size()) {
            return Message.of("check.processCalls", end.processed(), s.numbers().size());
        }
        if (end.maxInFlight() < 2) {
            return Message.of("check.oneAtATime", s.numbers().size());
        }
        if (!expected.equals(returned)) {
            return Message.of("check.wrongResults", show(returned), show(expected));
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
