package concurrencydemo.lessons;

import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.multiprocessing.ChildProcess;

import concurrencydemo.multiprocessing.Rounds;
import concurrencydemo.multiprocessing.StartBarrier;
import concurrencydemo.multiprocessing.Task;
import concurrencydemo.multiprocessing.Workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starting and joining a lesson's child processes, and failing fast and clearly when one fails. */
final class Processes {
    /** How long a child waits at a start barrier for the others before giving up. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    /** How often joinAll looks for a child that failed. */
    private static final Duration POLL = Duration.ofMillis(20);

    private Processes() {
    }

    /**
     * Starts one child per part, named {@code names}; each waits at a start barrier in shared
     * memory until all have started, then runs its part once.
     */
    static List<ChildProcess> startTogether(Workspace ws, List<String> names, List<Task> parts) {
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
     * For {@code --trials}: starts one child per part that runs its part in each of {@code n}
     * rounds; the caller opens each round with {@link Rounds#runRound}.
     */
    static List<ChildProcess> startInRounds(Workspace ws, Rounds rounds, int n, List<String> names,
                                            List<Task> parts) {
        List<ChildProcess> processes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Task part = parts.get(i);
            processes.add(ws.process(names.get(i), () -> rounds.repeat(n, part)));
        }
        startAll(processes);
        return processes;
    }

    static void startAll(List<ChildProcess> processes) {
        for (ChildProcess p : processes) {
            p.start();
        }
    }

    /**
     * Joins every process. As soon as one exits non-zero (it threw, crashed, or was killed), the
     * others are terminated (they may be waiting for it at a barrier or on a queue) and this
     * throws, naming it: the lesson never waits for a child that cannot finish.
     */
    static void joinAll(List<ChildProcess> processes) throws InterruptedException {
        while (true) {
            // running first: when none is, every exit code is final before firstFailed reads them
            ChildProcess running = processes.stream().filter(ChildProcess::isAlive).findFirst().orElse(null);
            ChildProcess failed = ChildProcess.firstFailed(processes);
            if (failed != null) {
                processes.forEach(ChildProcess::terminate);
                throw new ChildFailedException(failed.describeExit());
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
