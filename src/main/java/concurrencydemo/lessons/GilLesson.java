package concurrencydemo.lessons;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ExternalProgramException;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.Rounds;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The seed's opening paragraph, measured: one CPU-bound job run by one thread, by N threads and by
 * N processes, in Java and, where {@code python3} is on the PATH, in Python. Java has no GIL: its
 * threads run the job on N CPUs at once; CPython's threads take turns.
 */
@Command(name = "gil")
public final class GilLesson extends Lesson {
    /**
     * The job: the primes below two and a half million, counted by trial division: enough work to
     * measure (about half a second for one Java thread), little enough to run {@link #ROUNDS} times. The test suite sets the system property {@code demo.gil.limit} to a smaller
     * job, which shows the same lines with other numbers.
     */
    static final int LIMIT = Math.max(10_000, Math.min(100_000_000, Integer.getInteger("demo.gil.limit", 2_500_000)));
    /** CPython is far slower at it (many times): a tenth of the numbers. */
    static final int PYTHON_LIMIT = LIMIT / 10;
    /** Below this speed-up, N workers were no faster than one. */
    static final double PARALLEL = 1.3;
    /** demo's own bound (the variant's --timeout stops it sooner: the variant is then stuck). */
    static final Duration PYTHON_BOUND = Duration.ofMinutes(10);

    /** The job has no read-modify-write window: {@code --window} changes nothing here. */
    @Override
    public boolean hasWindow() {
        return false;
    }

    @Override
    public List<Section> sections() {
        return List.of(Seed.OPENING);
    }

    @Override
    public Message whatYouSee() {
        return Message.of("gil.whatYouSee");
    }

    @Override
    public List<Message> notices() {
        List<Message> notices = new ArrayList<>();
        notices.add(Message.of("gil.measured", parts(), ROUNDS));
        notices.add(Message.of("gil.notSafe"));
        if (Python.find().isEmpty()) {
            notices.add(Message.of("gil.noPython"));
        }
        return notices;
    }

    @Override
    public List<Variant> variants() {
        List<Variant> variants = new ArrayList<>(List.of(
                Variant.measured("Java threads", "gil.variant.javaThreads", Seed.OPENING, GilLesson::javaThreads)
                        .asking(Message.of("gil.question.threads", parts())),
                Variant.measured("Java processes", "gil.variant.javaProcesses", Seed.OPENING, GilLesson::javaProcesses)
                        .asking(Message.of("gil.question.processes", parts()))));
        if (Python.find().isPresent()) {
            variants.add(Variant.measured("Python threads", "gil.variant.pythonThreads", Seed.OPENING,
                    stage -> python(stage, "threads"))
                    .asking(Message.of("gil.question.pythonThreads", parts())));
            variants.add(Variant.measured("Python processes", "gil.variant.pythonProcesses", Seed.OPENING,
                    stage -> python(stage, "processes"))
                    .asking(Message.of("gil.question.pythonProcesses", parts())));
        }
        return variants;
    }

    /** The CPUs demo may use. */
    static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The parts the job is split into: one per CPU, and two on one CPU, to show they take turns. */
    static int parts() {
        return Math.max(2, cpus());
    }

    /** The numbers are dealt out in blocks of this many, in turn, one block to each part. */
    static final int BLOCK = 1000;

    /*
     * The job: count the primes below LIMIT by trial division. Part k of n takes blocks k, k + n,
     * k + 2n… of BLOCK numbers, so that each part has as many large (slow) numbers as the others
     * (every n-th number would not do: with two parts, one would get all the even numbers, which
     * are done at once). Its result is returned and checked, so the JIT cannot drop the work; the
     * same job runs in every variant.
     */
    static int countPrimes(int part, int parts, int limit) {
        int found = 0;
        for (int block = part * BLOCK; block < limit; block += parts * BLOCK) {
            for (int n = block; n < Math.min(block + BLOCK, limit); n++) {
                if (isPrime(n)) {
                    found++;
                }
            }
        }
        return found;
    }

    /**
     * The right counts, each worked out once, on first use (not as demo starts): the Java job's
     * and the Python one's.
     */
    private static final class Expected {
        static final int JAVA = primesBelow(LIMIT);
        static final int PYTHON = primesBelow(PYTHON_LIMIT);
    }

    /**
     * The primes below {@code limit}, counted another way (the sieve of Eratosthenes), so that a
     * variant's count is checked against an answer its own code did not give.
     */
    static int primesBelow(int limit) {
        boolean[] composite = new boolean[limit];
        int found = 0;
        for (int n = 2; n < limit; n++) {
            if (!composite[n]) {
                found++;
                for (long m = (long) n * n; m < limit; m += n) {
                    composite[(int) m] = true;
                }
            }
        }
        return found;
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** How many times each variant times one thread and then its N workers, in turn. */
    static final int ROUNDS = 3;

    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    /** The CPU time this thread has used, in nanoseconds, or -1 where the JVM cannot tell. */
    static long threadCpuNanos() {
        return THREAD_CPU.isCurrentThreadCpuTimeSupported() ? THREAD_CPU.getCurrentThreadCpuTime() : -1;
    }

    /**
     * One timed run of the job: what it counted, its wall time, and the CPU time its workers used
     * (-1 when unknown).
     */
    record Sample(int count, long nanos, long cpuNanos) {
        /** CPU time ÷ wall time: about N when N workers ran at once, at most 1 when they took turns. */
        Double cores() {
            return cpuNanos < 0 ? null : (double) cpuNanos / Math.max(1, nanos);
        }
    }

    /**
     * The samples of a variant, one thread and N workers in turn, {@link #ROUNDS} times: a moment
     * of load slows one sample of each, not a whole side, and the fastest of each is compared.
     *
     * @param startNanos how long the workers took to start and warm up before the rounds, or -1
     *                   when they start afresh in each round (threads)
     */
    record Measurement(List<Sample> one, List<Sample> parallel, long startNanos) {
        Sample bestOne() {
            return one.stream().min(Comparator.comparingLong(Sample::nanos)).orElseThrow();
        }

        Sample bestParallel() {
            return parallel.stream().min(Comparator.comparingLong(Sample::nanos)).orElseThrow();
        }

        /** The first count that is not {@code expected}, else {@code expected}: every round is checked. */
        static int count(List<Sample> samples, int expected) {
            return samples.stream().mapToInt(Sample::count).filter(c -> c != expected).findFirst().orElse(expected);
        }
    }

    /** One thread counts them all: the time every speed-up is measured against. */
    static Sample oneThread() {
        long cpu = threadCpuNanos();
        long start = System.nanoTime();
        int count = countPrimes(0, 1, LIMIT);
        long nanos = System.nanoTime() - start;
        return new Sample(count, nanos, cpu < 0 ? -1 : threadCpuNanos() - cpu);
    }

    /*
     * Java threads: N threads, one part each. Java has no GIL; on N CPUs they run at once, and the
     * job takes about 1/N of the time, with N cores busy.
     */
    static Outcome javaThreads(Stage stage) throws InterruptedException {
        int n = parts();
        countPrimes(0, 1, LIMIT / 10); // compiled before anything is timed
        List<Sample> one = new ArrayList<>();
        List<Sample> parallel = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            one.add(oneThread());
            parallel.add(inThreads(stage, n));
        }
        return report(stage, "threads", n, new Measurement(one, parallel, -1), Expected.JAVA,
                Message.of("gil.line.threads", n));
    }

    private static Sample inThreads(Stage stage, int n) throws InterruptedException {
        int[] counts = new int[n];
        long[] cpu = new long[n];
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int part = k;
            threads.add(stage.thread("T" + (k + 1), () -> {
                long before = threadCpuNanos();
                counts[part] = countPrimes(part, n, LIMIT);
                cpu[part] = before < 0 ? -1 : threadCpuNanos() - before;
            }));
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // join() also makes each thread's count visible here
        }
        long nanos = System.nanoTime() - start;
        return new Sample(IntStream.of(counts).sum(), nanos,
                LongStream.of(cpu).anyMatch(c -> c < 0) ? -1 : LongStream.of(cpu).sum());
    }

    /*
     * Java processes: N child JVMs, one part each, each writing its count and its CPU time into
     * shared memory. They are started once and warmed up on a small job (that start is shown, not
     * timed), then run the job in each round, released together.
     */
    static Outcome javaProcesses(Stage stage) throws Exception {
        int n = parts();
        countPrimes(0, 1, LIMIT / 10); // the one thread compiled too
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            SharedInt limit = ws.sharedInt(LIMIT / 10); // the warm-up's job, then the lesson's
            Rounds rounds = new Rounds(ws, n);
            List<SharedInt> counts = new ArrayList<>();
            List<SharedInt> cpuMicros = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<concurrencydemo.multiprocessing.Task> parts = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int part = k;
                SharedInt count = ws.sharedInt(0);
                SharedInt cpu = ws.sharedInt(0);
                counts.add(count);
                cpuMicros.add(cpu);
                names.add("P" + (k + 1));
                parts.add(() -> {
                    long before = threadCpuNanos();
                    count.set(countPrimes(part, n, limit.get()));
                    cpu.set(before < 0 ? -1 : (int) ((threadCpuNanos() - before) / 1000));
                });
            }
            long start = System.nanoTime();
            List<ChildProcess> processes = Processes.startInRounds(ws, rounds, ROUNDS + 1, names, parts);
            rounds.runRound(1, processes); // started, and warmed up
            long startNanos = System.nanoTime() - start;
            limit.set(LIMIT);
            List<Sample> one = new ArrayList<>();
            List<Sample> parallel = new ArrayList<>();
            for (int round = 2; round <= ROUNDS + 1; round++) {
                one.add(oneThread());
                long began = System.nanoTime();
                rounds.runRound(round, processes);
                long nanos = System.nanoTime() - began;
                int total = counts.stream().mapToInt(SharedInt::get).sum();
                boolean cpuKnown = cpuMicros.stream().allMatch(c -> c.get() >= 0);
                parallel.add(new Sample(total, nanos,
                        cpuKnown ? cpuMicros.stream().mapToLong(c -> c.get() * 1000L).sum() : -1));
            }
            Processes.joinAll(processes);
            return report(stage, "processes", n, new Measurement(one, parallel, startNanos), Expected.JAVA,
                    Message.of("gil.line.processes", n));
        }
    }

    /*
     * Python: the same job (on a tenth of the numbers: CPython is much slower at it) in a small
     * script of demo's own, run by python3 with N threads or N processes (a pool), in rounds as
     * the Java side. Under the GIL one thread at a time runs Python bytecode: threads take turns,
     * processes each have their own interpreter.
     */
    static Outcome python(Stage stage, String mode) throws Exception {
        int n = parts();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            String out = Python.run(ws, "primes.py", List.of(mode, Integer.toString(n), Integer.toString(PYTHON_LIMIT),
                    Integer.toString(ROUNDS)), PYTHON_BOUND).out();
            PythonResult r = PythonResult.parse(Python.find().orElseThrow().toString(), out);
            stage.println(Message.of(r.gil() ? "gil.line.pythonGil" : "gil.line.pythonFree", r.version()));
            String kind = "python." + mode + (mode.equals("threads") ? (r.gil() ? ".gil" : ".free") : "");
            return report(stage, kind, n, r.measurement(), Expected.PYTHON, Message.of("gil.line." + mode, n))
                    .withExtra("python", r.version()).withExtra("gil", r.gil());
        }
    }

    /** Prints the fastest samples, then grades them. */
    private static Outcome report(Stage stage, String kind, int n, Measurement m, int expected, Message workers) {
        Sample one = m.bestOne();
        Sample parallel = m.bestParallel();
        if (m.startNanos() >= 0) {
            stage.println(Message.of("gil.line.started", Width.pad(stage.words(Message.of("gil.line.who",
                    stage.words(workers))), 12), m.startNanos() / 1_000_000));
        }
        stage.println(line(stage, Message.of("gil.line.oneThread"), one, ""));
        stage.println(line(stage, workers, parallel, stage.words(Message.of("gil.line.speedup",
                speedup(one.nanos(), parallel.nanos())))));
        return grade(kind, n, cpus(), m, expected);
    }

    /** What the Python script printed, checked: another program called python3 may print anything. */
    record PythonResult(String version, boolean gil, Measurement measurement) {
        static PythonResult parse(String program, String out) {
            try {
                JsonObject r = JsonParser.parseString(out.strip()).getAsJsonObject();
                String version = r.get("version").getAsString();
                if (!version.matches("[0-9][0-9A-Za-z.+]{0,30}")) {
                    throw new IllegalStateException("not a version");
                }
                List<Sample> one = new ArrayList<>();
                List<Sample> parallel = new ArrayList<>();
                for (var round : r.getAsJsonArray("rounds")) {
                    one.add(sample(round.getAsJsonObject().getAsJsonObject("one")));
                    parallel.add(sample(round.getAsJsonObject().getAsJsonObject("parallel")));
                }
                if (one.isEmpty()) {
                    throw new IllegalStateException("no rounds");
                }
                double startMs = r.get("start_ms").getAsDouble();
                long start = startMs > 0 ? millis(startMs) * 1_000_000 : -1;
                return new PythonResult(version, r.get("gil").getAsBoolean(), new Measurement(one, parallel, start));
            } catch (RuntimeException notDemosResult) {
                throw ExternalProgramException.unreadableOutput(program);
            }
        }

        private static Sample sample(JsonObject s) {
            return new Sample(s.get("count").getAsInt(), millis(s.get("ms").getAsDouble()) * 1_000_000,
                    millis(s.get("cpu_ms").getAsDouble()) * 1_000_000);
        }

        private static long millis(double ms) {
            if (!(ms >= 0 && ms <= 3_600_000)) { // NaN too
                throw new IllegalStateException("out of range");
            }
            return Math.round(ms);
        }
    }

    /**
     * A program line, in the reader's language: {@code 2 threads:     170 ms, 148933 primes, 2.0 cores
     * used (1.6x)}, who ran it padded to one width (by display width: a Chinese name is two columns a
     * character).
     */
    static Message line(Stage stage, Message who, Sample sample, String speedup) {
        String name = Width.pad(stage.words(Message.of("gil.line.who", stage.words(who))), 12);
        return Message.of("gil.line", name, String.format(Locale.ROOT, "%5d", sample.nanos() / 1_000_000),
                sample.count(), cores(sample.cores()), speedup);
    }

    /** Cores used, as shown: one decimal, or a question mark where the JVM cannot measure CPU time. */
    static String cores(Double cores) {
        return cores == null ? "?" : String.format(Locale.ROOT, "%.1f", cores);
    }

    static String speedup(long oneNanos, long nanos) {
        return String.format(Locale.ROOT, "%.1f", (double) oneNanos / Math.max(1, nanos));
    }

    /**
     * Right when every count is the job's; what was measured, in words that fit it. On one CPU
     * ({@code cpus} 1) nothing runs in parallel, whatever the speed-up (a one-thread run slowed by
     * other work makes one), and the words never say otherwise. Elsewhere the cores used decide: N
     * workers that kept fewer than {@link #PARALLEL} cores busy did not get the CPUs (the machine was
     * too busy to tell), and under the GIL Python's threads never keep more than one busy.
     */
    static Outcome grade(String kind, int n, int cpus, Measurement m, int expected) {
        Sample best = m.bestParallel();
        Sample one = m.bestOne();
        int oneCount = Measurement.count(m.one(), expected);
        int parallelCount = Measurement.count(m.parallel(), expected);
        // graded as shown: 1.26 prints as 1.3x, and is then as parallel as 1.3
        double speedup = Math.round((double) one.nanos() / Math.max(1, best.nanos()) * 10) / 10.0;
        String shown = String.format(Locale.ROOT, "%.1f", speedup);
        Double cores = best.cores();
        String coresShown = cores(cores);
        boolean ranAtOnce = cores != null && Math.round(cores * 10) / 10.0 >= PARALLEL;
        long oneMs = one.nanos() / 1_000_000;
        long ms = best.nanos() / 1_000_000;
        long startMs = Math.max(0, m.startNanos() / 1_000_000);
        boolean correct = oneCount == expected && parallelCount == expected;
        Message explanation;
        if (!correct) {
            explanation = Message.of("gil.wrongCount", expected, oneCount, parallelCount);
        } else if (cpus == 1) { // whatever the speed-up: on one CPU nothing ran at the same time as anything
            explanation = Message.of(speedup <= 1.0 ? "gil.oneCpu" : "gil.oneCpuFaster", shown, n, coresShown);
        } else if (kind.equals("python.threads.gil")) {
            explanation = Message.of(speedup < PARALLEL ? "gil.python.threads.gil" : "gil.python.threads.gilFaster",
                    n, ms, oneMs, shown, coresShown);
        } else {
            String how = cores == null ? (speedup >= PARALLEL ? ".parallel" : ".notFaster")
                    : !ranAtOnce ? ".busy" : speedup >= PARALLEL ? ".parallel" : ".notFaster";
            explanation = Message.of("gil." + kind + how, n, ms, oneMs, shown, coresShown, startMs);
        }
        return new Outcome(expected, parallelCount, correct, explanation)
                .withSpeedup(Math.round((double) one.nanos() / Math.max(1, best.nanos()) * 100) / 100.0,
                        new Outcome.Timing(oneMs, ms, n, cores == null ? null : Math.round(cores * 100) / 100.0,
                                m.one().size()))
                .withTrialKey(shown + "x");
    }
}
