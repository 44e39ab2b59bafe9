package concurrencydemo.multiprocessing;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Python's {@code multiprocessing.Process}: a child JVM that runs one {@link Task}.
 *
 * <p>The child runs the same {@code java} and class path as this JVM ({@link Jvm}). Its task
 * travels serialized on the child's standard input. What the child prints (on either stream)
 * reaches this JVM's output line by line, prefixed with the child's name. The child's standard
 * output is kept free as a binary channel to the parent ({@link Child#toParent()}), which the
 * {@link Pool} uses for results.
 *
 * <p>A child never outlives its parent: it checks several times a second that the parent is alive
 * and halts when it is not, and the parent's {@link Workspace} destroys its children when it is
 * closed or when the parent JVM exits.
 *
 * <p>Memory consistency effects: the Java memory model speaks of one JVM only. What the
 * implementation relies on: {@link #join()} returns after the JDK's reaper thread has reaped the
 * exited child with {@code waitpid}, which POSIX lists among the functions that synchronize memory
 * (XBD 4.12), and has handed that on to the joining thread through the JDK's own synchronization;
 * the child's writes to shared memory went to the same physical pages this JVM maps. So
 * everything the child wrote to shared memory, and every item it put on a queue (each {@code put}
 * waits for the owner's reply), is visible after {@code join()} returns.
 */
public final class ChildProcess {
    private static final Duration GONE_WAIT = Duration.ofSeconds(2);

    private final Workspace workspace;
    private final String name;
    private final Task target;
    private final Consumer<String> output;
    // Both written once, in start(), before the task is sent; volatile for the threads that join.
    private volatile Process process;
    private volatile Thread outputPump;
    /** Set by the output pump when the child says it has begun its task (see {@link #taskBegun}). */
    private volatile boolean taskBegun;
    // Set before start(), read by it: guarded by this.
    private Path extraClassPath;
    private boolean stackTraces;

    ChildProcess(Workspace workspace, String name, Task target, Consumer<String> output) {
        this.workspace = workspace;
        this.name = name;
        this.target = target;
        this.output = output;
    }

    /**
     * Adds {@code entry} (a folder of classes, or a jar) to the child's class path after this
     * JVM's own; the child's own children inherit it. For code that is not part of demo, such as a
     * student's compiled exercise. Call before {@link #start}.
     */
    public synchronized ChildProcess withClassPath(Path entry) {
        this.extraClassPath = entry.toAbsolutePath();
        return this;
    }

    /**
     * Makes the child print the whole stack trace of an exception its task throws, not only its
     * first line; the child's own children do the same. Call before {@link #start}.
     */
    public synchronized ChildProcess withStackTraces() {
        this.stackTraces = true;
        return this;
    }

    /**
     * Starts the child JVM and sends it its task; returns as soon as the JVM is launched.
     *
     * @throws UnserializableException when the task cannot be serialized (no JVM is started then)
     * @throws FrameTooLargeException when the task is larger, serialized, than a frame may be (no JVM
     *         is started then)
     * @throws ChildFailedException when the JVM ended before it could read its task
     * @throws ChildStartException when the system will not launch the JVM
     * @throws IllegalStateException when already started, or the workspace is closed
     */
    public synchronized ChildProcess start() {
        if (process != null) {
            throw new IllegalStateException(name + " was already started");
        }
        if (workspace.closed()) {
            throw new IllegalStateException("cannot start " + name + ": its workspace is closed");
        }
        // first: a task that cannot be sent starts no JVM
        byte[] task = Frames.serialize(target, "the task of child " + name);
        List<String> command = Jvm.command(ChildMain.class, extraClassPath, stackTraces);
        command.add(name);
        command.add(Long.toString(ProcessHandle.current().pid()));
        try {
            process = workspace.launch(Jvm.processBuilder(command)); // owned: a close from now on kills it
        } catch (IOException e) {
            throw new ChildStartException(name, e);
        }
        // before the task: what a child prints before it dies (a JVM that cannot start) is shown too
        Thread pump = new Thread(this::pumpOutput, name + "-output");
        pump.setDaemon(true);
        pump.start();
        outputPump = pump;
        try {
            Frames.write(new DataOutputStream(process.getOutputStream()), task);
        } catch (IOException e) {
            try {
                process.waitFor(1, TimeUnit.SECONDS); // it died before it could read its task
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            awaitGone();
            throw ChildFailedException.of(this);
        }
        return this;
    }

    private void pumpOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = boundedLine(lines)) != null) {
                int word = taskBegun ? -1 : line.indexOf(ChildMain.TASK_BEGUN); // said once, before the task
                if (word >= 0) { // the child's own word, not its program's output
                    taskBegun = true;
                    // after a line its program left unended (a print without println), the word ends it
                    line = line.substring(0, word) + line.substring(word + ChildMain.TASK_BEGUN.length());
                    if (line.isEmpty()) {
                        continue;
                    }
                }
                output.accept("[" + name + "] " + line);
            }
        } catch (IOException ignored) {
            // the child is gone; nothing more to show
        }
    }

    /** The most of one line of a child's output that is kept: the rest of the line is read and dropped. */
    static final int MAX_LINE = 8192;

    /**
     * The next line of {@code in} without its end ({@code \n} or {@code \r\n}), null at the end;
     * a line longer than {@link #MAX_LINE} is cut there and marked with {@code " …"}, so that a
     * child printing without newlines cannot fill demo's memory.
     */
    static String boundedLine(Reader in) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            } else {
                cut = true;
            }
        }
        if (c == -1 && line.length() == 0 && !cut) {
            return null;
        }
        if (!cut && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return cut ? line.append(" \u2026").toString() : line.toString();
    }

    /**
     * Waits for the child to exit and for all it printed to be shown. Also for a child whose
     * {@link #start} failed after its JVM was launched.
     */
    public void join() throws InterruptedException {
        started().waitFor();
        Thread pump = outputPump;
        if (pump != null) {
            // not for ever: a program the child started may hold its stderr open after it is gone
            // (a daemon started with inheritIO); the workspace kills that one when it closes
            pump.join(GONE_WAIT.toMillis());
        }
    }

    /** Waits at most {@code timeout}; returns whether the child exited. */
    public boolean join(Duration timeout) throws InterruptedException {
        boolean exited = started().waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        Thread pump = outputPump;
        if (exited && pump != null) {
            pump.join(GONE_WAIT.toMillis());
        }
        return exited;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return started().pid();
    }

    /** The child's pid, once it has been started. */
    java.util.Optional<Long> startedPid() {
        Process p = process;
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(p.pid());
    }

    /**
     * Whether the child's JVM has started, received its task and begun running it. Until then it
     * is starting: on a busy machine a JVM may take seconds to, and a watcher of the program's
     * progress should not count that time as the program's. A child that began its task stays
     * so, whether it has ended since or not.
     */
    public boolean taskBegun() {
        return taskBegun;
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The exit code, or {@code null} while the child runs or before it starts. */
    public Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    /** What the parent writes to the child's standard input after the task (for {@link Pool}). */
    DataOutputStream toChild() {
        return new DataOutputStream(started().getOutputStream());
    }

    /** What the child writes on its binary channel (for {@link Pool}). */
    DataInputStream fromChild() {
        return new DataInputStream(started().getInputStream());
    }

    /**
     * The read end of the child's pipe to this JVM ({@link Child#pipe()}): what its task wrote
     * there, then the end of the stream once it has exited. Until this JVM reads, a child that
     * writes more than the pipe holds waits, and does not exit: {@link #join()} before reading
     * then waits for good.
     */
    public DataInputStream pipe() {
        return fromChild();
    }

    /**
     * Kills the child at once (SIGKILL, as Python's {@code kill()}; Python's {@code terminate()}
     * sends SIGTERM, which a child may handle).
     */
    public void terminate() {
        destroy();
    }

    void destroy() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** Waits up to two seconds for a destroyed child to be gone. */
    void awaitGone() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            p.waitFor(GONE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child's state, for logs and debugging, in English (the framework words a process's state
     * for students): {@code P1 not started}, {@code P1 (pid 1234) running}, {@code P1 (pid 1234) exited 137}.
     */
    public String describe() {
        Process p = process;
        if (p == null) {
            return name + " not started";
        }
        String state = !p.isAlive() ? "exited " + p.exitValue() : stopped(p.pid()) ? "stopped" : "running";
        return name + " (pid " + p.pid() + ") " + state;
    }

    /** Where a child process is in its life. */
    public enum State { NOT_STARTED, RUNNING, STOPPED, EXITED }

    /** The process's state now: {@link State#STOPPED} when a signal (SIGSTOP, Ctrl-Z) has stopped it. */
    public State state() {
        Process p = process;
        if (p == null) {
            return State.NOT_STARTED;
        }
        return !p.isAlive() ? State.EXITED : stopped(p.pid()) ? State.STOPPED : State.RUNNING;
    }

    /**
     * Whether the process is stopped (SIGSTOP, Ctrl-Z): state {@code T} in Linux's
     * {@code /proc/<pid>/stat}; false where there is no such file.
     */
    static boolean stopped(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')'); // the name, in parentheses, may hold spaces
            return afterName > 0 && afterName + 2 < stat.length()
                    && (stat.charAt(afterName + 2) == 'T' || stat.charAt(afterName + 2) == 't');
        } catch (java.io.IOException | RuntimeException notLinux) {
            return false;
        }
    }

    /** The first of {@code children} that exited with a non-zero code, or null while none has. */
    public static ChildProcess firstFailed(List<ChildProcess> children) {
        for (ChildProcess c : children) {
            Integer code = c.exitCode();
            if (code != null && code != 0) {
                return c;
            }
        }
        return null;
    }

    private Process started() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return p;
    }

    @Override
    public String toString() {
        return describe();
    }
}
