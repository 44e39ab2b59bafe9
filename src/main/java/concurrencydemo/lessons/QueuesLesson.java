package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.ProcessQueue;
import concurrencydemo.multiprocessing.SharedDoubles;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Rounds;
import concurrencydemo.multiprocessing.Task;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.threading.JoinableQueue;
import picocli.CommandLine.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queues between processes and between threads. Ports the seed's 多进程使用队列通信 and
 * 多线程消息队列通信.
 */
@Command(name = "queues")
public final class QueuesLesson extends Lesson {
    static final int N = 5;
    static final List<String> NAMES = List.of("P1", "P2");
    static final int ITEMS = 20;
    static final int WORKERS = 10;
    /**
     * Between a producer's reading the next free slot and its writing into it: the seed's 10 ms
     * pause before each put, moved inside the append. With nothing else in the loop, the two
     * producers stay in step, each reading the slot index before the other has written it.
     */
    static final Duration WINDOW = Duration.ofMillis(10);
    /** The seed's producers sleep 10 ms before each put. */
    static final Duration PRODUCER_PAUSE = Duration.ofMillis(10);
    /** How long a worker thread "does stuff" with an item. */
    static final Duration WORK = Duration.ofMillis(5);

    @Override
    public int serialWindows() {
        return 2 * N; // two producers' appends
    }

    /** The seed sections it ports. */
    @Override
    public List<Section> sections() {
        return List.of(Seed.QUEUE_PROCESSES, Seed.QUEUE_THREADS);
    }

    @Override
    public Message whatYouSee() {
        return Message.of("queues.whatYouSee");
    }

    @Override
    public List<Variant> variants() {
        return List.of(
                Variant.buggy("Unqueued", "queues.variant.unqueued", Seed.QUEUE_PROCESSES, stage -> producers(stage, false))
                        .withTrials((stage, n) -> producerTrials(stage, false, n))
                        .asking(Message.of("queues.question.arrive")),
                Variant.fixed("Queued", "queues.variant.queued", Seed.QUEUE_PROCESSES, stage -> producers(stage, true))
                        .withTrials((stage, n) -> producerTrials(stage, true, n))
                        .asking(Message.of("queues.question.arrive")),
                Variant.buggy("Unjoined", "queues.variant.unjoined", Seed.QUEUE_THREADS, stage -> workers(stage, Join.NONE))
                        .asking(Message.of("queues.question.done")),
                Variant.buggy("Forgot task_done", "queues.variant.forgotTaskDone", Seed.QUEUE_THREADS,
                        stage -> workers(stage, Join.NO_TASK_DONE))
                        .asking(Message.of("queues.question.done")),
                Variant.fixed("Joined", "queues.variant.joined", Seed.QUEUE_THREADS, stage -> workers(stage, Join.JOIN))
                        .asking(Message.of("queues.question.done")));
    }

    /*
     * Two producer processes: one sends i*i, the other -i, for i in 1..5; main prints what arrived.
     *
     * Unqueued: the producers append to a list in shared memory by reading the index of the next
     * free slot, writing the item there (after a short window), and storing index + 1. Both read
     * the same index, so the second item overwrites the first and the index moves by one, not two:
     * about half the items are lost.
     *
     * Queued: the producers put() into a process Queue, which takes each item whole. Main joins
     * them, then gets until empty(): all ten arrive, each producer's in its own order, the two
     * interleaved differently from run to run.
     */
    static Outcome producers(Stage stage, boolean queued) throws Exception {
        List<Integer> received = new ArrayList<>();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            Producers p = new Producers(ws, queued, stage.window(WINDOW));
            Processes.joinAll(Processes.startTogether(ws, NAMES, p.parts(true)));
            p.collect(received);
        }
        for (int item : received) {
            stage.println(Integer.toString(item));
        }
        stage.println("end main");
        return gradeItems(received, queued);
    }

    /** --trials: the two producers start once and produce in every trial (see Rounds). */
    static Variant.Trial producerTrials(Stage stage, boolean queued, int n) throws Exception {
        Workspace ws = stage.track(Workspace.create(stage::println));
        Producers p = new Producers(ws, queued, stage.window(WINDOW));
        Rounds rounds = new Rounds(ws, 2);
        List<ChildProcess> producers = Processes.startInRounds(ws, rounds, n, NAMES, p.parts(false));
        return Variant.Trial.of(k -> {
            p.reset();
            rounds.runRound(k, producers);
            List<Integer> received = new ArrayList<>();
            p.collect(received);
            return gradeItems(received, queued);
        }, () -> Processes.joinAll(producers));
    }

    /** What the two producers share: a queue, or a list in shared memory with its next free index. */
    static final class Producers {
        final ProcessQueue<Integer> q;
        final SharedDoubles slots;
        final SharedInt next;
        final Duration window;

        Producers(Workspace ws, boolean queued, Duration window) {
            this.q = queued ? ws.queue() : null;
            this.slots = queued ? null : ws.sharedDoubles(new double[2 * N]);
            this.next = queued ? null : ws.sharedInt(0);
            this.window = window;
        }

        /** P1 sends i*i and P2 sends -i, for i in 1..5; {@code once}: then closes its end of the queue. */
        List<Task> parts(boolean once) {
            ProcessQueue<Integer> q = this.q;
            SharedDoubles slots = this.slots;
            SharedInt next = this.next;
            Duration window = this.window;
            if (q != null) {
                return List.of(() -> putAll(q, true, once), () -> putAll(q, false, once));
            }
            return List.of(() -> appendAll(slots, next, window, true), () -> appendAll(slots, next, window, false));
        }

        void reset() {
            if (next != null) {
                next.set(0);
            }
        }

        /** Adds what arrived to {@code received}: the queue's items until empty, or the list's. */
        void collect(List<Integer> received) throws InterruptedException {
            if (q != null) {
                while (!q.empty()) {
                    received.add(q.get());
                }
                return;
            }
            for (int i = 0; i < next.get(); i++) {
                received.add((int) slots.get(i));
            }
        }
    }

    static void putAll(ProcessQueue<Integer> q, boolean squares, boolean thenClose) throws Exception {
        for (int i = 1; i <= N; i++) {
            Database.sleep(PRODUCER_PAUSE);
            q.put(squares ? i * i : -i);
        }
        if (thenClose) {
            q.close();
        }
    }

    /** Appends i*i (or -i) for i in 1..5 to a shared list through an unguarded index. */
    static void appendAll(SharedDoubles slots, SharedInt next, Duration window, boolean squares) {
        for (int i = 1; i <= N; i++) {
            int index = next.get();
            Database.sleep(window);
            slots.set(index, squares ? i * i : -i);
            next.set(index + 1);
        }
    }

    static Outcome gradeItems(List<Integer> received, boolean queued) {
        List<Integer> squares = received.stream().filter(i -> i > 0).toList();
        List<Integer> negatives = received.stream().filter(i -> i < 0).toList();
        boolean complete = squares.equals(List.of(1, 4, 9, 16, 25)) && negatives.equals(List.of(-1, -2, -3, -4, -5));
        int expected = 2 * N;
        int lost = expected - received.size();
        Message explanation = complete && lost == 0
                ? Message.of(queued ? "queues.queued.correct" : "queues.unqueued.lucky")
                : Message.of("queues.unqueued.lost", lost, expected);
        return new Outcome(expected, received.size(), complete && lost == 0, explanation)
                .withLostUpdates(lost).withExtra("items", received);
    }

    /*
     * Ten daemon worker threads take items from a queue, "do stuff" for a few milliseconds, and
     * print what they got; main puts 20 items.
     *
     * Unjoined: main prints 'main done' right after putting, while the items are still being
     * processed (a daemon thread does not keep the program alive: its work is simply cut off).
     *
     * Forgot task_done: main calls q.join(), but the workers never call taskDone(). q.join()
     * returns only when every item put has been marked done, so it never returns, although every
     * item was processed. The watchdog gives up on it after WAIT_BOUND: the program is stuck.
     *
     * Joined: each worker calls taskDone() after an item, and main calls q.join(), which returns
     * only when every item put has been marked done: 'main done' comes last.
     */
    enum Join { NONE, NO_TASK_DONE, JOIN }

    /** How long main may wait in q.join() before the watchdog calls it stuck: the work needs about 10 ms. */
    static final Duration WAIT_BOUND = Duration.ofSeconds(1);

    static Outcome workers(Stage stage, Join join) throws InterruptedException {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        AtomicInteger processed = new AtomicInteger();
        boolean markDone = join != Join.NO_TASK_DONE;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Thread t = stage.thread("Thread" + (i + 1), () -> work(stage, q, processed, markDone));
            threads.add(t);
            t.start();
        }
        for (int x = 0; x < ITEMS; x++) {
            q.put(x);
        }
        boolean joined = join == Join.NONE
                || stage.watchdog().awaitOrGiveUp(WAIT_BOUND, nanos -> q.join(nanos, TimeUnit.NANOSECONDS), "q.join()");
        int done = processed.get();
        if (joined) {
            stage.println("main done");
        }
        for (Thread t : threads) {
            t.interrupt(); // stop the workers now: a daemon thread would otherwise run until the JVM exits
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!joined) {
            return Outcome.stuck(ITEMS, null, Message.of("queues.noTaskDone.stuck", done, ITEMS));
        }
        return Outcome.compare(ITEMS, done,
                Message.of(join == Join.JOIN ? "queues.joined.correct" : "queues.unjoined.lucky", ITEMS),
                Message.of("queues.unjoined.wrong", done, ITEMS));
    }

    static void work(Stage stage, JoinableQueue<Integer> q, AtomicInteger processed, boolean markDone) {
        while (true) {
            int value;
            try {
                value = q.get();
            } catch (InterruptedException e) {
                return;
            }
            Database.sleep(WORK);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            stage.println("in " + Thread.currentThread().getName() + " got " + value);
            processed.incrementAndGet();
            if (markDone) {
                q.taskDone();
            }
        }
    }
}
