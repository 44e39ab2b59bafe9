package concurrencydemo.lessons;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ExternalProgram;
import concurrencydemo.multiprocessing.ExternalProgramException;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The seed's opening paragraph, measured: one CPU-bound job run by one thread, by N threads and by
 * N processes, in Java and, where {@code python3} is on the PATH, in Python. Java has no GIL: its
 * threads run the job on N CPUs at once; CPython's threads take turns.
 */
@Command(name = "gil")
public final class GilLesson extends Lesson {
    /**
     * The job: the primes below four million, counted by trial division: enough work to
     * measure, little enough to wait for. The test suite sets the system property {@code demo.gil.limit} to a smaller
     * job, which shows the same lines with other numbers.
     */
    static final int LIMIT = Math.max(10_000, Math.min(100_000_000, Integer.getInteger("demo.gil.limit", 4_000_000)));
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
        notices.add(Message.of("gil.notSafe"));
        if (python().isEmpty()) {
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
        if (python().isPresent()) {
            variants.add(Variant.measured("Python threads", "gil.variant.pythonThreads", Seed.OPENING,
                    stage -> python(stage, "threads"))
                    .asking(Message.of("gil.question.pythonThreads", parts())));
            variants.add(Variant.measured("Python processes", "gil.variant.pythonProcesses", Seed.OPENING,
                    stage -> python(stage, "processes"))
                    .asking(Message.of("gil.question.pythonProcesses", parts())));
        }
        return variants;
    }

    static Optional<Path> python() {
        return ExternalProgram.onPath("python3").or(() -> ExternalProgram.onPath("python3.exe"));
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

    /** One thread counts them all: the time every speed-up is measured against. */
    static long[] oneThread() {
        countPrimes(0, 1, LIMIT / 10); // compiled before it is timed
        long start = System.nanoTime();
        int count = countPrimes(0, 1, LIMIT);
        return new long[] {count, System.nanoTime() - start};
    }

    /*
     * Java threads: N threads, one part each. Java has no GIL; on N CPUs they run at once, and the
     * job takes about 1/N of the time.
     */
    static Outcome javaThreads(Stage stage) throws InterruptedException {
        int n = parts();
        long[] one = oneThread();
        stage.println(line(stage, Message.of("gil.line.oneThread"), one[1], (int) one[0], ""));
        int[] counts = new int[n];
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int part = k;
            threads.add(stage.thread("T" + (k + 1), () -> counts[part] = countPrimes(part, n, LIMIT)));
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // join() also makes each thread's count visible here
        }
        long nanos = System.nanoTime() - start;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        stage.println(line(stage, Message.of("gil.line.threads", n), nanos, total, speedup(one[1], nanos)));
        return grade("threads", n, cpus(), (int) one[0], total, one[1], nanos, Expected.JAVA);
    }

    /*
     * Java processes: N child JVMs, one part each, each writing its count into shared memory. They
     * use N CPUs too, but each JVM first starts (a tenth of a second or more), and that is timed.
     */
    static Outcome javaProcesses(Stage stage) throws Exception {
        int n = parts();
        long[] one = oneThread();
        stage.println(line(stage, Message.of("gil.line.oneThread"), one[1], (int) one[0], ""));
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            List<SharedInt> counts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<concurrencydemo.multiprocessing.Task> parts = new ArrayList<>();
            int limit = LIMIT; // the child's own LIMIT is the default one: the task carries this one
            for (int k = 0; k < n; k++) {
                int part = k;
                SharedInt count = ws.sharedInt(0);
                counts.add(count);
                names.add("P" + (k + 1));
                parts.add(() -> count.set(countPrimes(part, n, limit)));
            }
            long start = System.nanoTime();
            List<ChildProcess> processes = Processes.startTogether(ws, names, parts);
            Processes.joinAll(processes);
            long nanos = System.nanoTime() - start;
            int total = 0;
            for (SharedInt c : counts) {
                total += c.get();
            }
            stage.println(line(stage, Message.of("gil.line.processes", n), nanos, total, speedup(one[1], nanos)));
            return grade("processes", n, cpus(), (int) one[0], total, one[1], nanos, Expected.JAVA);
        }
    }

    /*
     * Python: the same job (on a tenth of the numbers: CPython is much slower at it) in a small
     * script of demo's own, run by python3 with N threads or N processes. Under the GIL one thread
     * at a time runs Python bytecode: threads take turns, processes each have their own interpreter.
     */
    static Outcome python(Stage stage, String mode) throws Exception {
        int n = parts();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            Path script = ws.directory().resolve("primes.py");
            try (InputStream in = GilLesson.class.getResourceAsStream("primes.py")) {
                Files.copy(in, script);
            }
            String out = ExternalProgram.run(ws, List.of(python().orElseThrow().toString(), script.toString(),
                    mode, Integer.toString(n), Integer.toString(PYTHON_LIMIT)), PYTHON_BOUND);
            PythonResult r = PythonResult.parse(python().orElseThrow().toString(), out);
            stage.println(Message.of(r.gil() ? "gil.line.pythonGil" : "gil.line.pythonFree", r.version()));
            stage.println(line(stage, Message.of("gil.line.oneThread"), r.oneNanos(), r.one(), ""));
            stage.println(line(stage, Message.of("gil.line." + mode, n), r.nanos(), r.parallel(), speedup(r.oneNanos(), r.nanos())));
            String kind = "python." + mode + (mode.equals("threads") ? (r.gil() ? ".gil" : ".free") : "");
            return grade(kind, n, cpus(), r.one(), r.parallel(), r.oneNanos(), r.nanos(), Expected.PYTHON)
                    .withExtra("python", r.version()).withExtra("gil", r.gil());
        }
    }

    /** What the Python script printed, checked: another program called python3 may print anything. */
    record PythonResult(String version, boolean gil, int one, int parallel, long oneNanos, long nanos) {
        static PythonResult parse(String program, String out) {
            try {
                JsonObject r = JsonParser.parseString(out.strip()).getAsJsonObject();
                long oneMs = r.get("one_ms").getAsLong();
                long ms = r.get("parallel_ms").getAsLong();
                String version = r.get("version").getAsString();
                if (oneMs < 0 || ms < 0 || oneMs > 3_600_000 || ms > 3_600_000 || !version.matches("[0-9][0-9A-Za-z.+]{0,30}")) {
                    throw new IllegalStateException("out of range");
                }
                return new PythonResult(version, r.get("gil").getAsBoolean(), r.get("one").getAsInt(),
                        r.get("parallel").getAsInt(), oneMs * 1_000_000, ms * 1_000_000);
            } catch (RuntimeException notDemosResult) {
                throw ExternalProgramException.unreadableOutput(program);
            }
        }
    }

    /**
     * A program line, in the reader's language: {@code 2 threads:     170 ms, 148933 primes (1.6x)},
     * who ran it padded to one width (by display width: a Chinese name is two columns a character).
     */
    static Message line(Stage stage, Message who, long nanos, int count, String speedup) {
        String name = Width.pad(stage.words(Message.of("gil.line.who", stage.words(who))), 12);
        return Message.of("gil.line", name, String.format(Locale.ROOT, "%5d", nanos / 1_000_000), count, speedup);
    }

    static String speedup(long oneNanos, long nanos) {
        return String.format(Locale.ROOT, " (%.1fx)", (double) oneNanos / Math.max(1, nanos));
    }

    /**
     * Right when both counts are the job's; what the speed-up shows, in words that fit what was
     * measured: on one CPU ({@code cpus} 1) nothing runs in parallel, whatever the speed-up (a
     * one-thread run slowed by other work makes one), and the words never say otherwise.
     */
    static Outcome grade(String kind, int n, int cpus, int one, int parallel, long oneNanos, long nanos, int expected) {
        // graded as shown: 1.26 prints as 1.3x, and is then as parallel as 1.3
        double speedup = Math.round((double) oneNanos / Math.max(1, nanos) * 10) / 10.0;
        String shown = String.format(Locale.ROOT, "%.1f", speedup);
        long oneMs = oneNanos / 1_000_000;
        long ms = nanos / 1_000_000;
        boolean correct = one == expected && parallel == expected;
        Message explanation;
        if (!correct) {
            explanation = Message.of("gil.wrongCount", expected, one, parallel);
        } else if (cpus == 1) { // whatever the speed-up: on one CPU nothing ran at the same time as anything
            explanation = Message.of(speedup < PARALLEL ? "gil.oneCpu" : "gil.oneCpuFaster", shown, n);
        } else if (kind.equals("python.threads.gil")) {
            explanation = Message.of(speedup < PARALLEL ? "gil.python.threads.gil" : "gil.python.threads.gilFaster",
                    n, ms, oneMs, shown);
        } else {
            explanation = Message.of("gil." + kind + (speedup >= PARALLEL ? ".parallel" : ".notFaster"), n, ms, oneMs, shown);
        }
        return new Outcome(expected, parallel, correct, explanation)
                .withSpeedup(Math.round((double) oneNanos / Math.max(1, nanos) * 100) / 100.0,
                        new Outcome.Timing(oneMs, ms, n))
                .withTrialKey(shown + "x");
    }
}
