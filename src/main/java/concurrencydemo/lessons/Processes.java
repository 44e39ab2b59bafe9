package concurrencydemo.lessons;

import concurrencydemo.multiprocessing.ChildFailedException;
import concurrencydemo.multiprocessing.ChildProcess;

import java.time.Duration;
import java.util.List;

/** Starting and joining a lesson's child processes, and failing fast and clearly when one fails. */
final class Processes {
    /** How often joinAll looks for a child that failed. */
    private static final Duration POLL = Duration.ofMillis(20);

    private Processes() {
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
            ChildProcess running = null;
            for (ChildProcess p : processes) {
                Integer code = p.exitCode();
                if (code == null) {
                    running = running == null ? p : running;
                } else if (code != 0) {
                    processes.forEach(ChildProcess::terminate);
                    throw new ChildFailedException(p.describeExit());
                }
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
