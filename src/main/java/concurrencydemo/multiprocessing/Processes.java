package concurrencydemo.multiprocessing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting and joining a group of child processes: started together behind a start barrier, or
 * in repeated {@link Rounds}, and joined so that the first failure ends the wait at once.
 */
public final class Processes {
    /** How long a child waits at a start barrier for the others before giving up. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** How often joinAll looks for a child that failed. */
    private static final Duration POLL = Duration.ofMillis(20);

    private Processes() {
    }

    /**
     * Starts one child per part, named {@code names}; each waits at a start barrier in shared
     * memory until all have started (at most {@link #START_TIMEOUT}), then runs its part once.
     */
    public static List<ChildProcess> startTogether(Workspace ws, List<String> names, List<Task> parts) {
        StartBarrier start = ws.startBarrier(parts.size());
        List<ChildProcess> processes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Task part = parts.get(i);
            processes.add(ws.process(names.get(i), () -> {
                start.await(START_TIMEOUT);
                part.run();
            }));
        }
        startAll(processes);
        return processes;
    }

    /**
     * Starts one child per part that runs its part in each of {@code n} rounds; the caller opens
     * each round with {@link Rounds#runRound}.
     */
    public static List<ChildProcess> startInRounds(Workspace ws, Rounds rounds, int n, List<String> names,
                                                   List<Task> parts) {
        List<ChildProcess> processes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Task part = parts.get(i);
            processes.add(ws.process(names.get(i), () -> rounds.repeat(n, part)));
        }
        startAll(processes);
        return processes;
    }

    /** Starts each process, in order. */
    public static void startAll(List<ChildProcess> processes) {
        for (ChildProcess p : processes) {
            p.start();
        }
    }

    /**
     * Joins every process. As soon as one exits non-zero (it threw, crashed, or was killed), the
     * others are terminated (they may be waiting for it at a barrier or on a queue) and this
     * throws: the caller never waits for a child that cannot finish.
     *
     * @throws ChildFailedException the facts of the first child found to have exited non-zero
     */
    public static void joinAll(List<ChildProcess> processes) throws InterruptedException {
        while (true) {
            // running first: when none is, every exit code is final before firstFailed reads them
            ChildProcess running = processes.stream().filter(ChildProcess::isAlive).findFirst().orElse(null);
            ChildProcess failed = ChildProcess.firstFailed(processes);
            if (failed != null) {
                processes.forEach(ChildProcess::terminate);
                throw ChildFailedException.of(failed);
            }
            if (running == null) {
                break;
            }
            running.join(POLL);
        }
        for (ChildProcess p : processes) {
            p.join(); // all its output has been shown
        }
    }
}
