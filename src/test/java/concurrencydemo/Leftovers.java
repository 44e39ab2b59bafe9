package concurrencydemo;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What one test started and left running: this JVM's descendant processes and its threads that
 * were not there when the test took its snapshot. A test counts only what it started itself, so
 * its verdict does not depend on what another test left behind. (The suite runs its classes one
 * at a time, ExercisesTest alone: nothing else starts processes or threads meanwhile.)
 */
public final class Leftovers {
    private final Set<ProcessHandle> processes;
    private final Set<Thread> threads;

    private Leftovers(Set<ProcessHandle> processes, Set<Thread> threads) {
        this.processes = processes;
        this.threads = threads;
    }

    /** What runs now: what a later call will not count. */
    public static Leftovers snapshot() {
        return new Leftovers(ProcessHandle.current().descendants().collect(Collectors.toSet()),
                Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /**
     * The processes started since the snapshot that match {@code which} and are still alive,
     * after waiting up to {@code grace} for them to end (one destroyed a moment ago may still be
     * exiting).
     */
    public List<ProcessHandle> processes(Duration grace, Predicate<ProcessHandle> which) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!aliveSince(which).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return aliveSince(which);
    }

    /** As above, for every process started since the snapshot. */
    public List<ProcessHandle> processes(Duration grace) throws InterruptedException {
        return processes(grace, p -> true);
    }

    private List<ProcessHandle> aliveSince(Predicate<ProcessHandle> which) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && !processes.contains(p) && which.test(p))
                .toList();
    }

    /** The threads started since the snapshot that are still alive. */
    public List<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threads.contains(t))
                .toList();
    }
}
