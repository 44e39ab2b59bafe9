package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Outcome;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One child JVM per CPU runs the squares loop; main waits for them with join(), or does not.
 * Ports the seed's 创建并开启进程.
 */
@Command(name = "processes",
        description = "One child process per CPU; main reports before they finish unless it joins them.")
public final class ProcessesLesson extends Lesson {
    static final int SQUARES = 1000;

    @Override
    public List<Section> sections() {
        return List.of(new Section("创建并开启进程", "Creating and starting processes"),
                new Section("进程间分享数据", "Sharing data between processes"));
    }

    @Override
    public String whatYouSee() {
        return "main reports while its child JVMs still run; a static field stays 0 in main; joined, with a shared Value, all done";
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.buggy("Unjoined", "创建并开启进程", stage -> run(stage, false))
                        .asking("How many processes will have finished when main reports?"),
                Variant.buggy("Static field", "进程间分享数据", ProcessesLesson::staticField)
                        .asking("What will squaresCounted in main be?"),
                Variant.fixed("Joined", "创建并开启进程", stage -> run(stage, true))
                        .asking("How many processes will have finished when main reports?"));
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
            stage.note("started " + n + (n == 1 ? " process" : " processes") + " (one per CPU)");
            if (join) {
                Processes.joinAll(processes);
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            int finished = 0;
            for (ChildProcess p : processes) {
                finished += p.isAlive() ? 0 : 1;
                stage.note("  " + p.describe());
            }
            int done = computed.get();
            stage.note("main: " + finished + " of " + n + " processes finished, " + done + " of "
                    + n * SQUARES + " squares computed" + (join ? ", in " + millis + " ms" : ""));
            stage.println("end main");
            return join
                    ? Outcome.compare(n, finished, "main joined every process: all exited before it reported",
                            "a joined process was still running")
                    : Outcome.compare(n, finished, "every process happened to finish before main looked; nothing made main wait, and on a busier machine it reports first",
                            "main reported while " + (n - finished) + " processes were still running ("
                                    + done + " of " + n * SQUARES + " squares done): it did not join() them");
        }
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
            for (int i = 0; i < n; i++) {
                processes.add(ws.process("P" + (i + 1), () -> {
                    for (int k = 0; k < SQUARES; k++) {
                        squaresCounted++;
                    }
                    System.out.println("squaresCounted in this process: " + squaresCounted);
                }));
            }
            Processes.startAll(processes);
            Processes.joinAll(processes);
            stage.println("squaresCounted in main: " + squaresCounted);
            stage.println("end main");
            return Outcome.compare(n * SQUARES, squaresCounted,
                    "main's static field somehow holds every child's count; a child JVM cannot write it",
                    "each child counted " + SQUARES + " in its own copy of the static field; main's copy is"
                            + " its own, and no child can write it: processes share no memory unless given some"
                            + " (Value, Array)");
        }
    }
}
