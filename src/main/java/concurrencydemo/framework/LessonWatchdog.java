package concurrencydemo.framework;

import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.report.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * A lesson's own watchdog, for a program that can block for good (a lock nobody will release, a
 * {@code q.join()} nobody will end): it waits a bounded time of running (see {@link Watchdog}),
 * then says on the stage what it found and stops what is still running. The lesson gets one from
 * {@link Stage#watchdog()} and decides, from what it returns, what its program came to.
 *
 * <p>It knows nothing of the stage but the notes it writes there.
 */
public final class LessonWatchdog {
    /** How long a thread may take to end once it is interrupted. */
    private static final Duration JOIN_AFTER_INTERRUPT = Duration.ofSeconds(2);

    private final Consumer<Message> notes;

    /** @param notes where demo's own lines go ({@code # watchdog: …}) */
    LessonWatchdog(Consumer<Message> notes) {
        this.notes = notes;
    }

    /**
     * Waits up to {@code bound} of running time for {@code threads} to end; each one still running
     * then is reported, interrupted and joined for at most two seconds of wall-clock time (one
     * still alive after that is reported as left running).
     *
     * @return one message per thread that had to be stopped, saying what it was blocked on
     */
    public List<Message> joinOrStop(Duration bound, Thread... threads) throws InterruptedException {
        awaitAll(bound, List.of(threads), Thread::isAlive, (t, nanos) -> t.join(Math.max(1, nanos / 1_000_000)));
        List<Message> stopped = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                Message what = Diagnosis.of(t).words();
                stopped.add(what);
                notes.accept(Message.of("watchdog.stopping", LessonOptions.show(bound), what));
                t.interrupt();
                t.join(JOIN_AFTER_INTERRUPT.toMillis());
                if (t.isAlive()) {
                    notes.accept(Message.of("watchdog.leftRunning", t.getName()));
                }
            }
        }
        return stopped;
    }

    /**
     * As {@link #joinOrStop(Duration, Thread...)}, for child processes: each one still running
     * after {@code bound} is reported and terminated.
     *
     * @return the names of the processes that had to be stopped
     */
    public List<String> joinOrStop(Duration bound, List<ChildProcess> processes) throws InterruptedException {
        return joinOrStop(bound, processes, p -> Message.of("watchdog.stillRunning", p.name(), p.pid()));
    }

    /**
     * As above, with the lesson's own words for what a process still running is doing
     * ({@code P2 is waiting for the lock P1 holds}), which only the lesson knows.
     */
    public List<String> joinOrStop(Duration bound, List<ChildProcess> processes,
                                   Function<ChildProcess, Message> describe) throws InterruptedException {
        return joinOrStop(bound, processes, null, describe);
    }

    /**
     * As above, for processes whose work can be counted: {@code bound} is then the time they may
     * go without a step of {@code progress}, and the time a process takes to start (its JVM has not
     * begun its task yet; seconds, on a busy machine) is not counted.
     *
     * @param progress steps the processes have made (items written, say), or {@code null}
     */
    public List<String> joinOrStop(Duration bound, List<ChildProcess> processes, IntSupplier progress,
                                   Function<ChildProcess, Message> describe) throws InterruptedException {
        IntSupplier steps = null;
        if (progress != null) {
            int[] starting = {0};
            steps = () -> processes.stream().allMatch(ChildProcess::taskBegun) ? progress.getAsInt() : --starting[0];
        }
        Watchdog.await(until(processes, ChildProcess::isAlive, (p, nanos) -> p.join(Duration.ofNanos(Math.max(1, nanos)))),
                bound, steps);
        List<String> stopped = new ArrayList<>();
        for (ChildProcess p : processes) {
            if (p.isAlive()) {
                Message what = describe.apply(p);
                stopped.add(p.name());
                notes.accept(Message.of("watchdog.stopping", LessonOptions.show(bound), what));
                p.terminate();
            }
        }
        for (ChildProcess p : processes) {
            p.join();
        }
        return stopped;
    }

    /**
     * For a wait of main's that may never end: waits up to {@code bound} of running time; if
     * {@code what} has not finished by then, says so and returns false. The caller then stops
     * waiting.
     *
     * @param waitingIn what main is waiting in, for the note: {@code q.join()}
     */
    public boolean awaitOrGiveUp(Duration bound, Watchdog.Waitable what, String waitingIn) throws InterruptedException {
        if (Watchdog.await(what, bound, null)) {
            return true;
        }
        notes.accept(Message.of("watchdog.mainWaiting", LessonOptions.show(bound), waitingIn));
        return false;
    }

    /** Waits on one party: at most {@code nanos}. */
    private interface Join<T> {
        void join(T party, long nanos) throws InterruptedException;
    }

    /**
     * Waits until none of {@code parties} is alive, or {@code bound} of running time has passed:
     * one bound for all of them (a wall-clock deadline per party would charge a Ctrl-Z to whichever
     * comes last).
     */
    private static <T> void awaitAll(Duration bound, List<T> parties, Predicate<T> alive, Join<T> join)
            throws InterruptedException {
        Watchdog.await(until(parties, alive, join), bound, null);
    }

    /** Done when none of {@code parties} is alive; a wait joins the first one still alive. */
    private static <T> Watchdog.Waitable until(List<T> parties, Predicate<T> alive, Join<T> join) {
        return nanos -> {
            for (T party : parties) {
                if (alive.test(party)) {
                    join.join(party, nanos);
                    return false;
                }
            }
            return true;
        };
    }
}
