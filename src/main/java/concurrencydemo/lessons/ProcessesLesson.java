package concurrencydemo.lessons;

import concurrencydemo.framework.Diagnosis;
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
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One child JVM per CPU runs the squares loop; main waits for them with join(), or does not.
 * Ports the seed's 创建并开启进程.
 */
@Command(name = "processes")
public final class ProcessesLesson extends Lesson {
    static final int SQUARES = 1000;

    /** The seed sections it ports. */
    @Override
    public List<Section> sections() {
        return List.of(Seed.START_PROCESSES, Seed.SHARING_PROCESSES);
    }

    @Override
    public Message whatYouSee() {
        return Message.of("processes.whatYouSee");
    }

    @Override
    public List<Message> notices() {
        return Python.find().isPresent() ? List.of() : List.of(Message.of("processes.noPython"));
    }

    @Override
    public List<Variant> variants() {
        List<Variant> variants = new ArrayList<>(List.of(
                Variant.buggy("Unjoined", "processes.variant.unjoined", Seed.START_PROCESSES, stage -> run(stage, false))
                        .asking(Message.of("processes.question.finished")),
                Variant.buggy("Static field", "processes.variant.staticField", Seed.SHARING_PROCESSES, ProcessesLesson::staticField)
                        .asking(Message.of("processes.question.static")),
                Variant.fixed("Joined", "processes.variant.joined", Seed.START_PROCESSES, stage -> run(stage, true))
                        .asking(Message.of("processes.question.finished"))));
        if (Python.find().isPresent()) {
            variants.add(Variant.buggy("No main guard", "processes.variant.noMainGuard", Seed.START_PROCESSES,
                    stage -> mainGuard(stage, false))
                    .asking(Message.of("processes.question.guard")));
            variants.add(Variant.fixed("Main guard", "processes.variant.mainGuard", Seed.START_PROCESSES,
                    stage -> mainGuard(stage, true))
                    .asking(Message.of("processes.question.guard")));
        }
        return variants;
    }

    /*
     * One process per CPU, as the seed's os.cpu_count(). Each child computes the squares of
     * 0..999, counting them in shared memory, with a millisecond's pause every hundred so that the
     * work is long enough to watch. Unjoined: main starts them and reports at once; a new JVM takes
     * a moment to start, so main sees them all running and their work not done. Joined: main calls
     * join() on each and reports after the last has exited.
     */
    static Outcome run(Stage stage, boolean join) throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            SharedInt computed = ws.sharedInt(0);
            List<ChildProcess> processes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                processes.add(ws.process("P" + (i + 1), () -> squareNumbers(computed)));
            }
            long start = System.nanoTime();
            Processes.startAll(processes);
            stage.note(Message.of("processes.started", n));
            if (join) {
                Processes.joinAll(processes);
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            int finished = 0;
            for (ChildProcess p : processes) {
                finished += p.isAlive() ? 0 : 1;
                stage.note(Message.of("processes.state", Diagnosis.of(p)));
            }
            int done = computed.get();
            stage.note(join ? Message.of("processes.mainSawIn", finished, n, done, n * SQUARES, millis)
                    : Message.of("processes.mainSaw", finished, n, done, n * SQUARES));
            stage.println("end main");
            return join
                    ? Outcome.compare(n, finished, Message.of("processes.joined.correct"),
                            Message.of("processes.joined.wrong"))
                    : Outcome.compare(n, finished, Message.of("processes.unjoined.lucky"),
                            Message.of("processes.unjoined.wrong", n - finished, done, n * SQUARES));
        }
    }

    /*
     * The main guard, in Python: the seed's program puts its process-starting code under
     * `if __name__ == "__main__":` and never says why. Under the "spawn" start method (Windows,
     * macOS), which starts a fresh interpreter, and under "forkserver" (Linux's default from Python
     * 3.14), which forks each child from a server process, each child runs the main file again, as
     * a module named __mp_main__, before its target. No main guard: the child reaches the file's own
     * Process(...).start() while it is still starting, and Python stops it with a RuntimeError;
     * its target never runs and it exits 1. Main guard: the child skips the guarded part and runs
     * only square_numbers. Both scripts are demo's (start_unguarded.py, start_guarded.py).
     *
     * Java's twin: a child JVM starts at the main method of the class it is given. demo's children
     * start at ChildMain's, so a lesson's code never runs again in them; a program that starts its
     * own class as a child tells the two apart by its arguments, as examples/ProcessStartJoin.java
     * does with if (args.length > 0).
     */
    static final Duration PYTHON_BOUND = Duration.ofSeconds(30);

    static Outcome mainGuard(Stage stage, boolean guarded) throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            ExternalProgram.Output out = Python.run(ws, guarded ? "start_guarded.py" : "start_unguarded.py",
                    List.of(Integer.toString(n)), PYTHON_BOUND);
            List<Integer> codes = exitCodes(out.out(), n);
            // what each child said as it died: Python's RuntimeError, once for all of them. The
            // children write their tracebacks at once, so their lines may interleave: the error's
            // own words are picked out by their indent (eight spaces), not taken as the lines after it
            List<String> said = out.err().lines().toList();
            int error = said.indexOf("RuntimeError: ");
            if (error >= 0) {
                stage.println(Message.of("processes.line.eachChild", "RuntimeError:"));
                said.subList(error + 1, said.size()).stream().filter(l -> l.matches(" {8}\\S.*")).limit(2)
                        .forEach(l -> stage.println(Message.of("processes.line.eachChild", l.strip())));
            }
            stage.println(Message.of("processes.line.exitCodes", codes.toString()));
            int ran = (int) codes.stream().filter(c -> c == 0).count();
            return Outcome.compare(n, ran, Message.of(guarded ? "processes.guard.correct" : "processes.guard.lucky"),
                    Message.of("processes.guard.wrong", n - ran, n));
        }
    }

    /** The script's one line, {"exitcodes": [..]}, checked: another program called python3 may print anything. */
    static List<Integer> exitCodes(String out, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"exitcodes\": \\[([-0-9, ]*)\\]\\}")
                .matcher(out.strip());
        if (!m.matches()) {
            throw ExternalProgramException.unreadableOutput("python3");
        }
        List<Integer> codes;
        try {
            codes = m.group(1).isBlank() ? List.of()
                    : java.util.Arrays.stream(m.group(1).split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) { // an exit code no process has
            throw ExternalProgramException.unreadableOutput("python3");
        }
        if (codes.size() != n) {
            throw ExternalProgramException.unreadableOutput("python3");
        }
        return codes;
    }

    static void squareNumbers(SharedInt computed) {
        for (int i = 0; i < SQUARES; i++) {
            int result = i * i;
            if (i % 100 == 99) {
                computed.addAndGet(100);
                Database.sleep(Duration.ofMillis(1));
            }
        }
    }

    /*
     * Static field: the same children, joined this time, count their squares in a plain static
     * field instead of shared memory. Each child JVM has its own copy of every static field (its
     * own memory, as each Python process has its own globals), so each child counts its own 1000,
     * and main's copy, which no child can reach, stays 0. This is why the seed reaches for Value
     * and Array: memory that processes really share. Joined, the fix, counts in a shared Value.
     */
    static int squaresCounted;

    static Outcome staticField(Stage stage) throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            List<ChildProcess> processes = new ArrayList<>();
            String inChild = stage.words(Message.of("processes.line.inChild"));
            for (int i = 0; i < n; i++) {
                processes.add(ws.process("P" + (i + 1), () -> {
                    for (int k = 0; k < SQUARES; k++) {
                        squaresCounted++;
                    }
                    System.out.println(inChild + squaresCounted);
                }));
            }
            Processes.startAll(processes);
            Processes.joinAll(processes);
            stage.println(Message.of("processes.line.inMain", squaresCounted));
            stage.println("end main");
            return Outcome.compare(n * SQUARES, squaresCounted,
                    Message.of("processes.static.impossible"), Message.of("processes.static.wrong", SQUARES));
        }
    }
}
