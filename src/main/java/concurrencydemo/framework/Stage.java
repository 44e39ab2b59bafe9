package concurrencydemo.framework;

import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Message;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import concurrencydemo.report.Trace;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a variant runs: it prints the program's own lines, hands out the threads the program uses
 * and keeps everything the program opens, so that the framework can clean up after it whatever
 * happens (a normal end, an exception, a time-out).
 *
 * <p>Thread-safe: the program's threads may print concurrently; each line is delivered whole.
 */
public final class Stage implements AutoCloseable {
    private static final Duration JOIN_ON_CLOSE = Duration.ofSeconds(2);

    private final Consumer<String> printer;
    private final Texts texts;
    private final Duration window;
    private final Trace trace;
    private final LessonWatchdog watchdog = new LessonWatchdog(this::note);
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    /** Set once by {@link #close}: from then on nothing is shown and nothing new is started. */
    private volatile boolean closed;

    /**
     * @param printer receives each line the program prints, as it prints it
     * @param texts   the words for demo's own lines (notes), in the reader's language
     * @param window  the read-modify-write window chosen by the user, or {@code null} for the
     *                lesson's own default
     */
    public Stage(Consumer<String> printer, Texts texts, Duration window) {
        this(printer, texts, window, false);
    }

    /** As above; with {@code trace}, the program records its steps in {@link #trace()}. */
    public Stage(Consumer<String> printer, Texts texts, Duration window, boolean trace) {
        this.printer = printer;
        this.texts = texts;
        this.window = window;
        this.trace = trace ? new Trace() : null;
    }

    /** The trace the program records its steps in, or {@code null} without {@code --trace}. */
    public Trace trace() {
        return trace;
    }

    /** Prints the trace lines of {@code events} (of the shared value {@code what}), if tracing. */
    public void printTrace(java.util.List<Trace.Event> events, Message what) {
        if (trace != null) {
            Trace.render(events, texts.format(what), texts).forEach(this::comment);
        }
    }

    /**
     * Prints one line of the program's output, the way the seed's {@code print} does. After the
     * stage is closed (the variant ended, or was stopped), lines are dropped: a thread that outlives
     * its variant never prints into what comes next.
     */
    public void println(String line) {
        synchronized (transcript) {
            if (closed) {
                return;
            }
            transcript.add(line);
            printer.accept(line);
        }
    }

    /**
     * Prints one line of the program's output that the seed never printed (a line of demo's own
     * program, such as {@code T2: stopped while waiting for the lock}), in the reader's language;
     * the seed's own lines ({@code End value: 1}) stay as the seed has them, through
     * {@link #println(String)}.
     */
    public void println(Message line) {
        println(texts.format(line));
    }

    /**
     * {@code message} in the reader's language, for a line a child process prints: the child
     * knows no language, so the program hands it the words.
     */
    public String words(Message message) {
        return texts.format(message);
    }

    /**
     * Prints one line of demo's own commentary (what main saw, what the watchdog did), set apart
     * from the program's lines by a leading {@code # }, as a comment in the seed's Python would be.
     */
    public void note(Message line) {
        // within 80 columns on a projector: the report indents a program's lines by two
        String text = texts.format(line);
        String indent = text.substring(0, text.length() - text.stripLeading().length()); // a note under a note
        List<String> lines = Width.wrap(text.stripLeading(), NOTE_COLUMNS - indent.length());
        for (int i = 0; i < lines.size(); i++) {
            comment(indent + (i == 0 ? "" : "  ") + lines.get(i));
        }
    }

    /** The columns a note's words may take: 80, less the report's indent, "# " and a continuation's indent. */
    static final int NOTE_COLUMNS = 80 - 2 - 2 - 2;

    /** {@link #note} of a line already in words. */
    private void comment(String line) {
        println("# " + line);
    }

    /** The lines printed so far. */
    public List<String> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    /** The read-modify-write window: the user's {@code --window}, else the lesson's default. */
    public Duration window(Duration lessonDefault) {
        return window != null ? window : lessonDefault;
    }

    /** A new, unstarted thread that the stage interrupts and joins when the variant ends. */
    public Thread thread(String name, Runnable body) {
        // a thread made before close() but started after it runs nothing: close() could not join it
        Thread t = new Thread(() -> {
            if (!closed) {
                body.run();
            }
        }, name);
        t.setDaemon(true);
        synchronized (threads) {
            refuseIfClosed();
            threads.add(t);
        }
        return t;
    }

    /** Keeps {@code resource} to be closed, last opened first, when the variant ends. */
    public <T extends AutoCloseable> T track(T resource) {
        synchronized (resources) {
            if (!closed) {
                resources.push(resource);
                return resource;
            }
        }
        try {
            resource.close(); // the variant was stopped while it opened this
        } catch (Exception ignored) {
            // best effort
        }
        throw new IllegalStateException("the variant has been stopped");
    }

    /** Forgets {@code resource}, which its user has closed itself. */
    public void untrack(AutoCloseable resource) {
        synchronized (resources) {
            resources.remove(resource);
        }
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("the variant has been stopped");
        }
    }

    /**
     * The lesson's own watchdog, for a program that can block for good: its notes go on this
     * stage, among the program's lines.
     */
    public LessonWatchdog watchdog() {
        return watchdog;
    }

    /** One message per live thread of this stage: its state and what it waits for, for stuck reports. */
    public List<Message> describeBlocked() {
        List<Message> lines = new ArrayList<>();
        for (Thread t : List.copyOf(threads)) {
            if (t.isAlive()) {
                lines.add(Diagnosis.of(t).words());
            }
        }
        synchronized (resources) {
            for (AutoCloseable r : resources) {
                if (r instanceof Describable d) {
                    lines.addAll(d.describe());
                }
                if (r instanceof Workspace ws) {
                    for (ChildProcess child : ws.children()) {
                        if (child.isAlive()) {
                            lines.add(Diagnosis.of(child));
                        }
                    }
                }
            }
        }
        return lines;
    }

    /** Interrupts and joins every thread, then closes every resource; never throws. */
    @Override
    public void close() {
        synchronized (transcript) {
            synchronized (threads) {
                closed = true; // from here no line is shown and no thread is added
            }
        }
        for (Thread t : List.copyOf(threads)) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + JOIN_ON_CLOSE.toNanos();
        for (Thread t : List.copyOf(threads)) {
            try {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        while (true) {
            AutoCloseable r;
            synchronized (resources) {
                r = resources.poll();
            }
            if (r == null) {
                break;
            }
            try {
                r.close();
            } catch (Exception ignored) {
                // closing is best effort; the next resource must still be closed
            }
        }
    }

    /** A resource that can say, for a stuck report, what it is waiting for. */
    public interface Describable {
        List<Message> describe();
    }
}
