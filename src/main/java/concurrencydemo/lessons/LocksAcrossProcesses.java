package concurrencydemo.lessons;

import concurrencydemo.framework.Diagnosis;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.lessons.LocksLesson.ConnectionLost;
import concurrencydemo.lessons.LocksLesson.Guard;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.ProcessLock;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.StartBarrier;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;

import java.time.Duration;
import java.util.List;

import static concurrencydemo.lessons.LocksLesson.STUCK_AFTER;
import static concurrencydemo.lessons.LocksLesson.BY_HAND_PROCESSES;
import static concurrencydemo.lessons.LocksLesson.WITH_PROCESSES;
import static concurrencydemo.lessons.LocksLesson.WINDOW;

/**
 * {@code demo locks --processes}: the locks lesson's four programs with two child JVMs, the
 * shared value in shared memory and the cross-process Lock. Ports the seed's 可以使用锁避免资源竟态
 * and 在上下文管理器中使用锁; {@link LocksLesson} holds the lesson and its threads.
 */
final class LocksAcrossProcesses {
    private LocksAcrossProcesses() {
    }

    /** The lesson's four variants, across processes. */
    static List<Variant> variants() {
        return List.of(
                Variant.buggy("Unlocked", "locks.variant.unlocked", BY_HAND_PROCESSES,
                        stage -> run(stage, Guard.NONE, false))
                        .askingAllOrFewer(Message.of("locks.question.all", 2), 2),
                Variant.fixed("Locked by hand", "locks.variant.lockedByHand", BY_HAND_PROCESSES,
                        stage -> run(stage, Guard.BY_HAND, false))
                        .askingAllOrFewer(Message.of("locks.question.all", 2), 2),
                Variant.buggy("By hand, throws", "locks.variant.byHandThrows", WITH_PROCESSES,
                        stage -> run(stage, Guard.BY_HAND, true))
                        .asking(Message.of("locks.question")),
                Variant.fixed("Context manager", "locks.variant.contextManager", WITH_PROCESSES,
                        stage -> run(stage, Guard.TRY_WITH_RESOURCES, true))
                        .asking(Message.of("locks.question")));
    }

    /*
     * The same four programs as with threads. One difference: when a process dies, the operating
     * system releases the file lock it held (demo's ProcessLock is an fcntl lock; Python's
     * multiprocessing.Lock, a semaphore, would stay locked). So the failing process here does what
     * a server would: it logs the failure and waits, the lock still held if it took it by hand,
     * until the other process is done or the watchdog stops them both.
     */
    static Outcome run(Stage stage, Guard guard, boolean firstUpdateFails) throws Exception {
        Duration window = stage.window(WINDOW);
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            SharedInt value = ws.sharedInt(0);
            SharedInt failNext = ws.sharedInt(firstUpdateFails ? 1 : 0);
            SharedInt finished = ws.sharedInt(0);
            SharedInt thrower = ws.sharedInt(0);
            ProcessLock lock = ws.lock();
            StartBarrier start = ws.startBarrier(2);
            String failed = stage.words(Message.of("locks.processes.line.failed", stage.words(LocksLesson.CONNECTION_LOST)));
            stage.println("Start value:  " + value.get());
            List<ChildProcess> processes = List.of(
                    ws.process("P1", () -> updateInChild(1, value, failNext, finished, thrower, lock, guard, start,
                            window, failed)),
                    ws.process("P2", () -> updateInChild(2, value, failNext, finished, thrower, lock, guard, start,
                            window, failed)));
            Processes.startAll(processes);
            // the bound starts once both JVMs are running: a JVM's start-up is not the lesson's wait
            start.awaitArrivals(processes, Processes.START_TIMEOUT);
            Duration bound = STUCK_AFTER.plus(window.multipliedBy(2));
            List<String> stopped = stage.watchdog().joinOrStop(bound, processes, p -> {
                String threw = thrower.get() == 0 ? null : "P" + thrower.get();
                if (threw == null) {
                    return Diagnosis.of(p);
                }
                return p.name().equals(threw) ? Message.of("locks.processes.holds", p.name())
                        : Message.of("locks.processes.waits", p.name(), threw);
            });
            Message stuck = null;
            if (!stopped.isEmpty() && thrower.get() != 0) {
                String threw = "P" + thrower.get();
                String waiting = threw.equals("P1") ? "P2" : "P1";
                stuck = Message.of("locks.processes.stranded", waiting, LessonOptions.show(bound), threw);
            } else if (!stopped.isEmpty()) {
                stuck = stopped.size() == 1
                        ? Message.of("locks.processes.slowOne", stopped.get(0), LessonOptions.show(bound))
                        : Message.of("locks.processes.slowBoth", stopped.get(0), stopped.get(1), LessonOptions.show(bound));
            }
            stage.println("End value: " + value.get());
            stage.println("end main");
            long expected = firstUpdateFails ? 1 : 2;
            if (stuck != null) {
                // stuck for good only when a process threw with the lock held; otherwise the machine was slow
                return thrower.get() != 0 ? Outcome.stuck(expected, (long) value.get(), stuck)
                        : Outcome.timedOut(expected, (long) value.get(), stuck);
            }
            return Outcome.counter(expected, value.get(), Message.of(switch (guard) {
                case NONE -> "locks.processes.unlocked.lucky";
                case BY_HAND -> "locks.processes.locked.correct";
                case TRY_WITH_RESOURCES -> firstUpdateFails ? "locks.processes.with.correct" : "locks.processes.locked.correct";
            }), Message.of("locks.processes.lost"));
        }
    }

    // "try": the held lock is the resource, never named in the body: try-with-resources stands for
    // Python's `with lock:`, and what it shows is the release on the way out
    @SuppressWarnings("try")
    static void updateInChild(int me, SharedInt value, SharedInt failNext, SharedInt finished, SharedInt thrower,
                              ProcessLock lock, Guard guard, StartBarrier start, Duration window, String failedLine)
            throws Exception {
        start.await(Duration.ofSeconds(10));
        try {
            switch (guard) {
                case NONE -> increase(value, window);
                case BY_HAND -> {
                    lock.acquire();
                    increaseOrFail(value, failNext, window);
                    lock.release(); // never reached when increaseOrFail throws
                }
                case TRY_WITH_RESOURCES -> {
                    try (ProcessLock.Held held = lock.hold()) {
                        increaseOrFail(value, failNext, window);
                    }
                }
            }
            finished.addAndGet(1);
        } catch (ConnectionLost e) {
            thrower.set(me);
            System.out.println(failedLine);
            finished.awaitAtLeast(1, STUCK_AFTER.multipliedBy(4)); // a server logs the failure and goes on
        }
    }

    static void increase(SharedInt value, Duration window) {
        int localCopy = value.get();
        Database.sleep(window);
        value.set(localCopy + 1);
    }

    static void increaseOrFail(SharedInt value, SharedInt failNext, Duration window) {
        if (failNext.compareAndSet(1, 0)) {
            Database.sleep(window);
            throw new ConnectionLost();
        }
        increase(value, window);
    }
}
