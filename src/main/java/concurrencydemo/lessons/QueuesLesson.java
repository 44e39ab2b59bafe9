package concurrencydemo.lessons;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Seed;
import concurrencydemo.framework.Stage;
import concurrencydemo.framework.Variant;
import concurrencydemo.multiprocessing.Child;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Processes;
import concurrencydemo.multiprocessing.ProcessQueue;
import concurrencydemo.multiprocessing.SharedInt;
import concurrencydemo.multiprocessing.Rounds;
import concurrencydemo.multiprocessing.Task;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.threading.JoinableQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/**
 * Queues between processes and between threads. Ports the seed's 多进程使用队列通信 and
 * 多线程消息队列通信.
 */
@Command(name = "queues")
public final class QueuesLesson extends Lesson {
    static final int N = 5;
    static final List<String> NAMES = List.of("P1", "P2");
    /**
     * How many numbers each producer sends through its pipe when main joins before draining:
     * 160,000 bytes, more than twice what a Linux pipe (64 KiB) and the child's buffer (8 KiB) hold.
     */
    static final int PIPE_ITEMS = 20_000;
    /** How long the producers may make no progress before the watchdog calls main stuck in join(). */
    static final Duration STUCK_AFTER = Duration.ofSeconds(1);
    static final int ITEMS = 20;
    static final int WORKERS = 10;
    /** The seed's producers sleep 10 ms before each put. */
    static final Duration PRODUCER_PAUSE = Duration.ofMillis(10);
    /** How long a worker thread "does stuff" with an item. */
    static final Duration WORK = Duration.ofMillis(5);

    /** Only one of the two seed sections: {@code --processes} or {@code --threads}; null for both. */
    Section only;

    @Option(names = "--processes", descriptionKey = "option.queues.processes")
    void processesOnly(boolean on) {
        choose(on, Seed.QUEUE_PROCESSES);
    }

    @Option(names = "--threads", descriptionKey = "option.queues.threads")
    void threadsOnly(boolean on) {
        choose(on, Seed.QUEUE_THREADS);
    }

    private void choose(boolean on, Section section) {
        if (!on) {
            return;
        }
        if (only != null && only != section) {
            throw new LessonOptions.UsageError(spec, Message.of("error.exclusive", "--processes", "--threads"));
        }
        only = section;
    }

    @Override
    public boolean hasWindow() {
        return false; // its bugs are an order of calls and a missing call, not a read-modify-write
    }

    /** The seed sections it ports: both, or the one its option chose. */
    @Override
    public List<Section> sections() {
        return only == null ? List.of(Seed.QUEUE_PROCESSES, Seed.QUEUE_THREADS) : List.of(only);
    }

    @Override
    public List<Section> listedSections() {
        return List.of(Seed.QUEUE_PROCESSES, Seed.QUEUE_THREADS);
    }

    @Override
    public String heading() {
        return only == null ? name() : name() + (only == Seed.QUEUE_PROCESSES ? " --processes" : " --threads");
    }

    /** With one section only, the title says what that part runs, not what the other does. */
    @Override
    public String title() {
        String key = only == null ? null : only == Seed.QUEUE_PROCESSES ? "queues.title.processes" : "queues.title.threads";
        java.util.ResourceBundle texts = spec == null ? null : spec.commandLine().getResourceBundle();
        return key != null && texts != null && texts.containsKey(key) ? texts.getString(key) : super.title();
    }

    /** This lesson with one of its sections only, as its option runs it: for {@code demo all --seed-order}. */
    public QueuesLesson part(Section section) {
        QueuesLesson copy = new QueuesLesson();
        copy.spec = spec;
        copy.options = options;
        copy.only = section;
        return copy;
    }

    @Override
    public Message whatYouSee() {
        return Message.of(only == null ? "queues.whatYouSee" : only == Seed.QUEUE_PROCESSES
                ? "queues.whatYouSee.processes" : "queues.whatYouSee.threads");
    }

    @Override
    public List<Variant> variants() {
        List<Variant> all = List.of(
                Variant.fixed("Queued", "queues.variant.queued", Seed.QUEUE_PROCESSES, QueuesLesson::producers)
                        .withTrials(QueuesLesson::producerTrials)
                        .asking(Message.of("queues.question.arrive")),
                Variant.buggy("Joined, then drained", "queues.variant.joinedFirst", Seed.QUEUE_PROCESSES,
                        stage -> throughPipes(stage, false))
                        .asking(Message.of("queues.question.pipe", PIPE_ITEMS)),
                Variant.fixed("Drained, then joined", "queues.variant.drainedFirst", Seed.QUEUE_PROCESSES,
                        stage -> throughPipes(stage, true))
                        .asking(Message.of("queues.question.pipe", PIPE_ITEMS)),
                Variant.buggy("Unjoined", "queues.variant.unjoined", Seed.QUEUE_THREADS, stage -> workers(stage, Join.NONE))
                        .asking(Message.of("queues.question.done")),
                Variant.buggy("Forgot task_done", "queues.variant.forgotTaskDone", Seed.QUEUE_THREADS,
                        stage -> workers(stage, Join.NO_TASK_DONE))
                        .asking(Message.of("queues.question.done")),
                Variant.fixed("Joined", "queues.variant.joined", Seed.QUEUE_THREADS, stage -> workers(stage, Join.JOIN))
                        .asking(Message.of("queues.question.done")));
        return only == null ? all : all.stream().filter(v -> v.section() == only).toList();
    }

    /*
     * Two producer processes: one sends i*i, the other -i, for i in 1..5; main prints what arrived.
     *
     * Queued: the seed's program. The producers put() into a process Queue, which takes each item
     * whole. Main joins them, then gets until empty(): all ten arrive, each producer's in its own
     * order, the two interleaved differently from run to run. Joining first is safe with demo's
     * queue, which keeps every item in main's JVM and whose put() returns once the item is there.
     */
    static Outcome producers(Stage stage) throws Exception {
        List<Integer> received = new ArrayList<>();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            ProcessQueue<Integer> q = ws.queue();
            Processes.joinAll(Processes.startTogether(ws, NAMES, putters(q, true)));
            received.addAll(drain(q));
        }
        for (int item : received) {
            stage.println(Integer.toString(item));
        }
        stage.println("end main");
        return gradeItems(received);
    }

    /** --trials: the two producers start once and produce in every trial (see Rounds). */
    static Variant.Trial producerTrials(Stage stage, int n) throws Exception {
        Workspace ws = stage.track(Workspace.create(stage::println));
        ProcessQueue<Integer> q = ws.queue();
        Rounds rounds = new Rounds(ws, 2);
        List<ChildProcess> producers = Processes.startInRounds(ws, rounds, n, NAMES, putters(q, false));
        return Variant.Trial.of(k -> {
            rounds.runRound(k, producers);
            return gradeItems(drain(q));
        }, () -> Processes.joinAll(producers));
    }

    /** P1 puts i*i and P2 puts -i, for i in 1..5; {@code thenClose}: then each closes its end. */
    static List<Task> putters(ProcessQueue<Integer> q, boolean thenClose) {
        return List.of(() -> putAll(q, true, thenClose), () -> putAll(q, false, thenClose));
    }

    /** The seed's loop: get until empty(), once the producers are done. */
    static List<Integer> drain(ProcessQueue<Integer> q) throws InterruptedException {
        List<Integer> received = new ArrayList<>();
        while (!q.empty()) {
            received.add(q.get());
        }
        return received;
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

    /*
     * The same two producers with 20,000 numbers each, sent through the pipe between each child
     * and main (the OS pipe a Python Queue's items also pass through). A pipe holds some tens of
     * KiB; a producer that finds it full waits until main reads.
     *
     * Joined, then drained: the seed's order, join() and then read. Main waits for producers to
     * exit; they cannot, for their numbers do not fit in the pipes, which main has not begun to
     * read. Neither side ever moves: the watchdog stops the producers once they have made no
     * progress for STUCK_AFTER. Python's Queue hangs the same way: a process that put items
     * waits at exit until its feeder thread has written them all to the pipe.
     *
     * Drained, then joined: main reads each pipe to its end (a pipe ends when its producer exits),
     * and only then joins: every number arrives, each producer's in order.
     */
    static Outcome throughPipes(Stage stage, boolean drainFirst) throws Exception {
        List<Long> received = new ArrayList<>();
        try (Workspace ws = stage.track(Workspace.create(stage::println))) {
            SharedInt written1 = ws.sharedInt(0);
            SharedInt written2 = ws.sharedInt(0);
            List<SharedInt> written = List.of(written1, written2);
            List<ChildProcess> producers = Processes.startTogether(ws, NAMES,
                    List.of(() -> send(written1, true), () -> send(written2, false)));
            if (drainFirst) {
                for (ChildProcess p : producers) {
                    int before = received.size();
                    readAll(p, received);
                    stage.println(Message.of("queues.pipe.read", p.name(), received.size() - before));
                }
                Processes.joinAll(producers);
            } else {
                List<String> stopped = stage.watchdog().joinOrStop(STUCK_AFTER, producers,
                        () -> written.get(0).get() + written.get(1).get(),
                        p -> Message.of("queues.pipe.waiting", p.name()));
                if (!stopped.isEmpty()) {
                    return Outcome.stuck(2 * PIPE_ITEMS, null, Message.of("queues.joinedFirst.stuck", PIPE_ITEMS,
                            PIPE_ITEMS * Long.BYTES, written1.get(), written2.get()));
                }
                for (ChildProcess p : producers) { // every producer exited: its pipe held all it sent
                    readAll(p, received);
                }
            }
        }
        stage.println("end main");
        return gradePipes(received, drainFirst);
    }

    /** A producer: 1, 4, 9, … (or -1, -2, …) for i up to PIPE_ITEMS, counting what it has written. */
    static void send(SharedInt written, boolean squares) throws Exception {
        DataOutputStream pipe = Child.current().pipe();
        for (int i = 1; i <= PIPE_ITEMS; i++) {
            pipe.writeLong(squares ? (long) i * i : -i); // blocks while the pipe is full
            written.set(i);
        }
        pipe.flush();
    }

    /** Reads a producer's pipe to its end. */
    static void readAll(ChildProcess producer, List<Long> received) throws Exception {
        DataInputStream pipe = producer.pipe();
        while (true) {
            try {
                received.add(pipe.readLong());
            } catch (EOFException end) {
                return;
            }
        }
    }

    static Outcome gradePipes(List<Long> received, boolean drainFirst) {
        List<Long> squares = received.stream().filter(i -> i > 0).toList();
        List<Long> negatives = received.stream().filter(i -> i < 0).toList();
        boolean complete = squares.equals(LongStream.rangeClosed(1, PIPE_ITEMS).map(i -> i * i).boxed().toList())
                && negatives.equals(LongStream.rangeClosed(1, PIPE_ITEMS).map(i -> -i).boxed().toList());
        Message explanation = complete
                ? Message.of(drainFirst ? "queues.drainedFirst.correct" : "queues.joinedFirst.lucky", PIPE_ITEMS)
                : Message.of("queues.pipe.wrong", received.size(), 2 * PIPE_ITEMS);
        return new Outcome(2 * PIPE_ITEMS, received.size(), complete, explanation).withExtra("complete", complete);
    }

    static Outcome gradeItems(List<Integer> received) {
        List<Integer> squares = received.stream().filter(i -> i > 0).toList();
        List<Integer> negatives = received.stream().filter(i -> i < 0).toList();
        boolean complete = squares.equals(List.of(1, 4, 9, 16, 25)) && negatives.equals(List.of(-1, -2, -3, -4, -5));
        int expected = 2 * N;
        int lost = expected - received.size();
        Message explanation = complete && lost == 0
                ? Message.of("queues.queued.correct")
                : Message.of("queues.queued.wrong", received.size(), expected);
        return new Outcome(expected, received.size(), complete && lost == 0, explanation)
                .withExtra("items", received);
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
