package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * A pool of worker processes computes cubes: results appended to a global list never reach the
 * parent, the pool's own map returns them all, in order. Ports the seed's 进程池.
 */
@Command(name = "pools")
public final class PoolsLesson extends Lesson {
    static final List<Integer> NUMBERS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    static final List<Long> CUBES = List.of(0L, 1L, 8L, 27L, 64L, 125L, 216L, 343L, 512L, 729L);
    /** The seed's cube sleeps one or two seconds; two milliseconds show the same. */
    static final Duration CUBE_TIME = Duration.ofMillis(2);
    static final int CPU_TASKS = 4;
    static final int PRIME_LIMIT = 300_000;

    /** The seed sections it ports. */
    @Override
    public List<Section> sections() {
        return List.of(Seed.POOL);
    }

    @Override
    public Message whatYouSee() {
        return Message.of("pools.whatYouSee");
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.buggy("Global list", "pools.variant.globalList", Seed.POOL, PoolsLesson::globalList)
                        .withTrials((stage, n) -> trials(stage, true))
                        .asking(Message.of("pools.question.list")),
                Variant.fixed("Pool.map", "pools.variant.poolMap", Seed.POOL, PoolsLesson::pooled)
                        .withTrials((stage, n) -> trials(stage, false))
                        .asking(Message.of("pools.question.map")));
    }

    /** At least two workers, so that even on one CPU two processes interleave. */
    static int workers() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /** The seed's cube: a pause ("work"), then n³. */
    static long cube(int number) {
        Database.sleep(CUBE_TIME);
        return (long) number * number * number;
    }

    /*
     * Global list: each job cubes its number and appends the cube to a global list, as one would
     * with threads, and main prints the list after the map. But every worker is a process of its
     * own with its own copy of every global (a static field here): each worker appends to its own
     * copy, and main's list, which no worker can reach, stays []. Pool.map, the fix, sends each
     * result back to main and puts it in its number's place.
     */
    static final List<Long> results = new ArrayList<>();

    static Outcome globalList(Stage stage) throws Exception {
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            Pool p = ws.pool(workers());
            List<Long> seen = mapIntoGlobalList(p);
            stage.println(seen.toString());
            p.close();
            p.join();
            return gradeGlobalList(seen);
        }
    }

    /** One map whose jobs append to the global list; returns what main's copy of it holds then. */
    static List<Long> mapIntoGlobalList(Pool p) throws Exception {
        synchronized (results) {
            results.clear();
        }
        p.map(PoolsLesson::cubeIntoGlobalList, NUMBERS);
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    static Boolean cubeIntoGlobalList(int number) {
        long c = cube(number);
        synchronized (results) { // this process's own copy of the list
            results.add(c);
        }
        return true;
    }

    static Outcome gradeGlobalList(List<Long> seen) {
        return new Outcome(CUBES, seen, seen.equals(CUBES), seen.equals(CUBES)
                ? Message.of("pools.global.impossible")
                : seen.isEmpty() ? Message.of("pools.global.empty") : Message.of("pools.global.wrong", String.valueOf(seen)));
        // no lost updates: every worker's appends are kept, in its own copy; they never come back
    }

    /*
     * --trials: one pool for all the trials, as a pool is meant to be used; a trial is one map over
     * the numbers, into the global list or returned by the pool.
     */
    static Variant.Trial trials(Stage stage, boolean globalList) throws Exception {
        Workspace ws = stage.track(Workspace.create(stage::println));
        Pool p = ws.pool(workers());
        return Variant.Trial.of(k -> globalList ? gradeGlobalList(mapIntoGlobalList(p))
                : Outcome.compare(CUBES, p.map(PoolsLesson::cube, NUMBERS),
                        Message.of("pools.trial.correct"), Message.of("pools.trial.wrong")), () -> {
            p.close();
            p.join();
        });
    }

    /*
     * Pool.map sends each number to a free worker and puts each result in its number's place:
     * [0, 1, 8, …, 729], whatever order the workers finish in. apply runs one call; map_async and
     * apply_async return at once and call back when done. Last, a CPU-bound map on one worker and
     * on the whole pool shows what the processes are for.
     */
    static Outcome pooled(Stage stage) throws Exception {
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            Pool p = ws.pool(workers());
            List<Long> mapped = p.map(PoolsLesson::cube, NUMBERS);
            stage.println("map(cube, range(10)):   " + mapped);
            long applied = p.apply(PoolsLesson::cube, 9);
            stage.println("apply(cube, 9):         " + applied);
            // the callbacks' lines are demo's (the seed prints only the result): in the reader's words
            String mapCallback = Width.pad(stage.words(Message.of("pools.line.callback", "map_async")), 24);
            String applyCallback = Width.pad(stage.words(Message.of("pools.line.callback", "apply_async")), 24);
            CompletableFuture<List<Long>> mapAsync = p.mapAsync(PoolsLesson::cube, NUMBERS,
                    r -> stage.println(mapCallback + r));
            // waited for before the next call, so that the two callbacks print in the same order every run
            mapAsync.get();
            CompletableFuture<Long> applyAsync = p.applyAsync(PoolsLesson::cube, 9,
                    r -> stage.println(applyCallback + r));
            boolean asyncRight = mapAsync.get().equals(CUBES) && applyAsync.get() == 729;

            warmUp(p);
            // alternated and repeated, the better of three each: neither pays for a warm-up the other had
            long oneWorker = Long.MAX_VALUE;
            long pool = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                oneWorker = Math.min(oneWorker, timeOneAtATime(p));
                pool = Math.min(pool, timeCpuMap(p));
            }
            int cpus = Runtime.getRuntime().availableProcessors();
            String speedup = String.format(Locale.ROOT, "%.1f", (double) oneWorker / Math.max(1, pool));
            stage.note(Message.of(cpus == 1 ? "pools.speedup.oneCpu" : "pools.speedup", CPU_TASKS, oneWorker, p.size(),
                    pool, speedup));
            p.close();
            p.join();
            boolean correct = mapped.equals(CUBES) && applied == 729 && asyncRight;
            return new Outcome(CUBES, mapped, correct, Message.of(correct ? "pools.map.correct" : "pools.map.wrong"))
                    .withSpeedup((double) oneWorker / Math.max(1, pool));
        }
    }

    /*
     * The speed-up compares the same warmed-up workers doing the same tasks one at a time (apply,
     * one after another: one process busy at any moment) and all at once (map). A fresh one-worker
     * pool would not do: a JVM that has just started is still compiling and loading, and on one CPU
     * that work alone made the fresh pool look twice as slow.
     */
    static void warmUp(Pool p) throws Exception {
        List<Integer> full = IntStream.range(0, 2 * p.size()).mapToObj(i -> PRIME_LIMIT).toList();
        p.map(PoolsLesson::countPrimes, full); // every worker compiles countPrimes on the real size
    }

    static long timeOneAtATime(Pool p) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < CPU_TASKS; i++) {
            p.apply(PoolsLesson::countPrimes, PRIME_LIMIT);
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    static long timeCpuMap(Pool p) throws Exception {
        List<Integer> limits = IntStream.range(0, CPU_TASKS).mapToObj(i -> PRIME_LIMIT).toList();
        long start = System.nanoTime();
        p.map(PoolsLesson::countPrimes, limits);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** CPU-bound work: the number of primes below {@code limit}, by trial division. */
    static int countPrimes(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            boolean prime = true;
            for (int d = 2; (long) d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            count += prime ? 1 : 0;
        }
        return count;
    }
}
