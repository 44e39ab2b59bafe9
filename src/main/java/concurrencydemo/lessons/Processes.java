package concurrencydemo.lessons;

import concurrencydemo.multiprocessing.ChildProcess;

import java.util.List;

/** Starting and joining a lesson's child processes, and failing clearly when one fails. */
final class Processes {
    private Processes() {
    }

    static void startAll(List<ChildProcess> processes) {
        for (ChildProcess p : processes) {
            p.start();
        }
    }

    /** Joins every process; throws naming the first that did not exit 0. */
    static void joinAll(List<ChildProcess> processes) throws InterruptedException {
        for (ChildProcess p : processes) {
            p.join();
        }
        for (ChildProcess p : processes) {
            if (p.exitCode() != 0) {
                throw new IllegalStateException("child process " + p.describe());
            }
        }
    }
}
