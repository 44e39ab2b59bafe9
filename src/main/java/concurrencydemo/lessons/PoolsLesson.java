package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.Pool;
import concurrencydemo.multiprocessing.SharedDoubles;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Outcome;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * A pool of worker processes computes cubes: results gathered by hand get lost, the pool's own
 * map keeps them all, in order. Ports the seed's 进程池.
 */
@Command(name = "pools",
        description = "A Pool of worker processes: map, apply and their async forms, and the speed-up.")
public final class PoolsLesson extends Lesson {
    static final List<Integer> NUMBERS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    static final List<Long> CUBES = List.of(0L, 1L, 8L, 27L, 64L, 125L, 216L, 343L, 512L, 729L);
    /** The seed's cube sleeps one or two seconds; two milliseconds show the same. */
    static final Duration CUBE_TIME = Duration.ofMillis(2);
    /**
     * Between a worker's reading the next free index and its writing there: most of each job, so
     * that two workers, which take their jobs in step, stay inside each other's window even when a
     * busy machine shifts one of them by several milliseconds.
     */
    static final Duration WINDOW = Duration.ofMillis(10);
    static final int CPU_TASKS = 4;
    static final int PRIME_LIMIT = 300_000;

    @Override
    public int serialWindows() {
        return NUMBERS.size(); // every append, were the workers to take turns
    }

    @Override
    public List<Section> sections() {
        return List.of(new Section("进程池", "Process pools"));
    }

    @Override
    public String whatYouSee() {
        return "results appended by workers by hand get lost; map gives [0, 1, 8, ..., 729] in order";
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.racy("Gathered by hand", "进程池", PoolsLesson::byHand)
                        .withTrials((stage, n, progress) -> trials(stage, true, n, progress)),
                Variant.fixed("Pool.map", "进程池", PoolsLesson::pooled)
                        .withTrials((stage, n, progress) -> trials(stage, false, n, progress)));
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
     * Gathered by hand: each worker computes a cube and appends it itself to a list in shared
     * memory, through an index it reads, and after a short window writes back plus one. Two
     * workers read the same index: one result overwrites the other, and the survivors are in the
     * order the workers finished, not the order of the numbers.
     */
    static Outcome byHand(Stage stage) throws Exception {
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            Gathering g = new Gathering(ws, stage.window(WINDOW));
            Pool p = ws.pool(workers());
            List<Long> gathered = g.gather(p);
            p.close();
            p.join();
            stage.println(gathered.toString());
            return gradeGathered(gathered);
        }
    }

    /** The shared list the workers append to by hand, and its next free index. */
    static final class Gathering {
        final SharedDoubles results;
        final SharedInt next;
        final Duration window;

        Gathering(Workspace ws, Duration window) {
            this.results = ws.sharedDoubles(new double[NUMBERS.size()]);
            this.next = ws.sharedInt(0);
            this.window = window;
        }

        /** One map over the numbers whose workers append by hand; returns what the list holds. */
        List<Long> gather(Pool p) throws Exception {
            SharedDoubles results = this.results;
            SharedInt next = this.next;
            Duration window = this.window;
            next.set(0);
            p.map(n -> appendCube(n, results, next, window), NUMBERS);
            List<Long> gathered = new ArrayList<>();
            for (int i = 0; i < next.get(); i++) {
                gathered.add((long) results.get(i));
            }
            return gathered;
        }
    }

    static Outcome gradeGathered(List<Long> gathered) {
        long lost = NUMBERS.size() - gathered.size();
        return new Outcome(CUBES, gathered, gathered.equals(CUBES), lost == 0
                ? "this time no two workers appended at once"
                : lost + " of " + NUMBERS.size() + " results lost, the rest in the order the workers "
                        + "finished: workers appended to one list without a lock", Map.of())
                .with("lostUpdates", lost);
    }

    /*
     * --trials: one pool for all the trials, as a pool is meant to be used; a trial is one map over
     * the numbers, gathered by hand or by the pool.
     */
    static List<Outcome> trials(Stage stage, boolean byHand, int n, Runnable progress) throws Exception {
        List<Outcome> outcomes = new ArrayList<>(n);
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            Gathering g = byHand ? new Gathering(ws, stage.window(WINDOW)) : null;
            Pool p = ws.pool(workers());
            for (int k = 0; k < n; k++) {
                if (byHand) {
                    outcomes.add(gradeGathered(g.gather(p)));
                } else {
                    List<Long> mapped = p.map(PoolsLesson::cube, NUMBERS);
                    outcomes.add(Outcome.compare(CUBES, mapped, "in order", "wrong or out of order"));
                }
                progress.run();
            }
            p.close();
            p.join();
        }
        return outcomes;
    }

    static boolean appendCube(int n, SharedDoubles results, SharedInt next, Duration window) {
        long c = cube(n);
        int index = next.get();
        Database.sleep(window);
        results.set(index, c);
        next.set(index + 1);
        return true;
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
            CompletableFuture<List<Long>> mapAsync = p.mapAsync(PoolsLesson::cube, NUMBERS,
                    r -> stage.println("map_async callback:     " + r));
            // waited for before the next call, so that the two callbacks print in the same order every run
            mapAsync.get();
            CompletableFuture<Long> applyAsync = p.applyAsync(PoolsLesson::cube, 9,
                    r -> stage.println("apply_async callback:   " + r));
            boolean asyncRight = mapAsync.get().equals(CUBES) && applyAsync.get() == 729;

            long oneWorker = timeCpuMap(ws.pool(1));
            long pool = timeCpuMap(p);
            stage.println(String.format(Locale.ROOT, "CPU-bound map of %d tasks: 1 worker %d ms, %d workers %d ms (%.1fx)",
                    CPU_TASKS, oneWorker, p.size(), pool, (double) oneWorker / Math.max(1, pool)));
            p.close();
            p.join();
            boolean correct = mapped.equals(CUBES) && applied == 729 && asyncRight;
            return new Outcome(CUBES, mapped, correct, correct
                    ? "the pool put each result in its number's place, whatever order the workers finished in"
                    : "the pool returned wrong or misplaced results", Map.of())
                    .with("speedup", (double) oneWorker / Math.max(1, pool));
        }
    }

    static long timeCpuMap(Pool p) throws Exception {
        List<Integer> limits = IntStream.range(0, CPU_TASKS).mapToObj(i -> PRIME_LIMIT).toList();
        p.map(PoolsLesson::countPrimes, List.of(1000)); // warm the worker up
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
