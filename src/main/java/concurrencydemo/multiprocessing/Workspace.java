package concurrencydemo.multiprocessing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything one program shares between processes, in one private directory: shared memory,
 * locks, queue sockets, and the child processes themselves. Closing the workspace destroys every
 * child it started, closes every queue and pool, and deletes the directory; so does the JVM's
 * exit, Ctrl-C included.
 *
 * <p>The directory ({@link PrivateDirectory}: owner-only, locked by this JVM while open, with a
 * marker naming it) is created under {@code $TMPDIR} (else {@code java.io.tmpdir}). When
 * {@code $TMPDIR} is so long that a Unix-domain socket path in it would not fit the operating
 * system's limit (about 100 bytes), queue sockets go to a second private directory of the same
 * shape in {@code java.io.tmpdir} or {@code /tmp}, deleted with the workspace. Nothing is written
 * outside these directories.
 *
 * <p>A JVM killed outright (SIGKILL) cannot clean up, so each new workspace first lets the
 * {@link Janitor} delete the directories such JVMs left behind ({@link #sweepOrphans()} does it
 * for whoever runs lessons).
 *
 * <p>Failures to create the directory or its files throw {@link WorkspaceException}, naming the path
 * and the reason.
 *
 * <p>Invariants: a workspace is in {@link #openWorkspaces()} from its creation until its close has
 * finished; once it is closed no child starts and no external program is started. Closing is
 * serialized: a second {@link #close} (the shutdown hook's, say) returns only after the first has
 * finished.
 *
 * <p>Thread-safe.
 */
public final class Workspace implements AutoCloseable {
    /** The longest socket path, in bytes, used as is: Linux allows 107, macOS 103. */
    static final int MAX_SOCKET_PATH = 100;
    private static final Set<Workspace> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shuttingDown = true;
                OPEN.forEach(Workspace::close);
            }, "workspace-cleanup"));
        } catch (IllegalStateException alreadyShuttingDown) {
            shuttingDown = true; // a signal came first: no workspace will be made (see create)
        }
    }

    private final PrivateDirectory home;
    private final Path dir;
    private final Consumer<String> output;
    private final AtomicInteger fileNumbers = new AtomicInteger();
    // @GuardedBy("owned")
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    // @GuardedBy("children")
    private final List<ChildProcess> children = new ArrayList<>();
    // @GuardedBy("this"): created on first need, deleted by close()
    private PrivateDirectory socketDir;
    private volatile boolean closed;

    private Workspace(PrivateDirectory home, Consumer<String> output) {
        this.home = home;
        this.dir = home.dir();
        this.output = output;
    }

    /**
     * A new workspace in {@code $TMPDIR}, else in {@code java.io.tmpdir}.
     *
     * @param output receives each line a child prints, prefixed with the child's name
     * @throws WorkspaceException when the directory cannot be created: {@code $TMPDIR} missing, not
     *         a directory, read-only, full, or not a valid path in this JVM's file-name encoding
     * @throws IllegalStateException when the JVM is shutting down
     */
    public static Workspace create(Consumer<String> output) {
        return create(PrivateDirectory.baseDirectory(), output);
    }

    /** A new workspace in {@code base}, for tests: {@link #create(Consumer)} reads the environment. */
    static Workspace create(Path base, Consumer<String> output) {
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down");
        }
        Janitor.sweepOrphans(base);
        Workspace ws = new Workspace(PrivateDirectory.create(base), output);
        OPEN.add(ws);
        // The shutdown hook sets shuttingDown, then closes what OPEN holds: a workspace added while
        // it ran is either seen by it or sees shuttingDown here, and is closed either way.
        if (shuttingDown) {
            ws.close();
            throw new IllegalStateException("the JVM is shutting down");
        }
        return ws;
    }

    /**
     * Deletes the private directories that JVMs killed outright left in {@code $TMPDIR} and in
     * {@code java.io.tmpdir}, and only those (see {@link Janitor} for how one is recognised). For
     * whoever runs lessons, at their start. Never throws.
     *
     * @return the directories deleted
     */
    public static List<Path> sweepOrphans() {
        return Janitor.sweepOrphans();
    }

    /** The private directory. */
    public Path directory() {
        return dir;
    }

    /** A new file name in the directory, unique within this workspace. */
    Path newFile(String prefix, String suffix) {
        return dir.resolve(prefix + fileNumbers.incrementAndGet() + suffix);
    }

    /**
     * A new path for a Unix-domain socket: in the directory when the path fits in
     * {@value #MAX_SOCKET_PATH} bytes, else in a second private directory in a shorter base.
     *
     * @throws WorkspaceException when no base is short enough, or the second directory cannot be made
     */
    Path newSocket(String prefix) {
        Path file = newFile(prefix, ".sock");
        if (fitsSocketPath(file)) {
            return file;
        }
        return socketDirectory().resolve(file.getFileName());
    }

    private synchronized Path socketDirectory() {
        if (socketDir == null) {
            // the longest socket path a second directory in base can hold
            String longest = "demo-" + Long.MAX_VALUE + "-" + Long.MAX_VALUE + "/queue-" + Integer.MAX_VALUE + ".sock";
            Path base = Stream.of(System.getProperty("java.io.tmpdir"), "/tmp")
                    .map(Path::of)
                    .filter(b -> fitsSocketPath(b.resolve(longest)))
                    .findFirst()
                    .orElseThrow(() -> new WorkspaceException(WorkspaceException.Operation.BIND_SOCKET,
                            dir.toString(), "socket path longer than " + MAX_SOCKET_PATH
                                    + " bytes, and java.io.tmpdir and /tmp are too", null));
            Janitor.sweepOrphans(base);
            socketDir = PrivateDirectory.create(base);
            if (closed) {
                socketDir.close(); // the workspace closed meanwhile
            }
        }
        return socketDir.dir();
    }

    /** Whether {@code socket}, as the operating system gets it, fits the socket address limit. */
    static boolean fitsSocketPath(Path socket) {
        Charset encoding;
        try {
            encoding = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            encoding = StandardCharsets.UTF_8;
        }
        return socket.toAbsolutePath().toString().getBytes(encoding).length <= MAX_SOCKET_PATH;
    }

    /** Python's {@code Value('i', initial)}. */
    public SharedInt sharedInt(int initial) {
        return SharedInt.create(this, initial);
    }

    /** Python's {@code Array('d', values)}. */
    public SharedDoubles sharedDoubles(double... values) {
        return SharedDoubles.create(this, values);
    }

    /** Python's {@code Lock()}, across processes. */
    public ProcessLock lock() {
        return ProcessLock.create(this);
    }

    /** A trace of up to {@code capacity} steps that processes record in shared memory. */
    public SharedTrace sharedTrace(int capacity) {
        return SharedTrace.create(this, capacity);
    }

    /** A barrier that lets {@code parties} processes start together. */
    public StartBarrier startBarrier(int parties) {
        return StartBarrier.create(this, parties);
    }

    /** Python's {@code Queue()}, across processes. */
    public <T extends java.io.Serializable> ProcessQueue<T> queue() {
        return own(ProcessQueue.create(this));
    }

    /** Python's {@code Pool(processes)}; closing the workspace {@linkplain Pool#terminate terminates} it. */
    public Pool pool(int processes) {
        Pool pool = new Pool(this, processes);
        own(pool::terminate);
        return pool;
    }

    /** Python's {@code Process(target=…)}: a child JVM, not yet started. */
    public ChildProcess process(String name, Task target) {
        ChildProcess child = new ChildProcess(this, name, target, output);
        synchronized (children) {
            children.add(child);
        }
        return child;
    }

    /**
     * Starts a process (a child JVM, or a program that is not Java) unless the workspace is closed,
     * and owns it at once: {@link #close} kills it. Close marks the workspace closed, then takes
     * what it owns under the same lock, so a process is either refused here or killed there, even
     * when Ctrl-C lands while it is being started.
     *
     * @throws IllegalStateException when the workspace is closed or the JVM is shutting down
     */
    Process launch(ProcessBuilder pb) throws java.io.IOException {
        synchronized (owned) {
            if (closed()) {
                throw new IllegalStateException("the workspace is closed");
            }
            ProcessTree.tag(pb.environment(), tag());
            launched = true;
            Process process = pb.start();
            owned.push(() -> {
                // its own children first (a python3's spawned workers): once it is gone they are
                // another process's, and no longer found as its descendants
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            });
            return process;
        }
    }

    // @GuardedBy("owned")
    private boolean launched;

    /** What marks every process this workspace starts, and theirs: its directory's name, unique. */
    private String tag() {
        return dir.getFileName().toString();
    }

    /** Starts a program that is not Java, owned as {@link #launch} says. */
    ExternalProgram startExternal(ProcessBuilder pb) throws java.io.IOException {
        return new ExternalProgram(launch(pb));
    }

    <T extends AutoCloseable> T own(T resource) {
        synchronized (owned) {
            owned.push(resource);
        }
        return resource;
    }

    /** Whether the JVM is exiting (Ctrl-C, SIGTERM, or System.exit) and workspaces are being closed. */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    /** Whether this workspace is closed, or the JVM is exiting: no child may start then. */
    boolean closed() {
        return closed || shuttingDown;
    }

    /**
     * The workspaces of this JVM not yet closed, oldest first not guaranteed: for a harness that
     * runs someone else's program and must close what it left open.
     */
    public static List<Workspace> openWorkspaces() {
        return List.copyOf(OPEN);
    }

    /** The children started so far, for reports. */
    public List<ChildProcess> children() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    /** Destroys every child, closes every queue and pool, deletes the directory. Never throws. */
    @Override
    public void close() {
        // The shutdown hook and the workspace's owner may close it at once: the second waits for
        // the first to finish, so that the JVM never exits half-way through deleting the directory.
        synchronized (closing) {
            closeOnce();
        }
    }

    private final Object closing = new Object();

    private void closeOnce() {
        if (closed) {
            return;
        }
        closed = true;
        for (ChildProcess child : children()) {
            child.destroy();
        }
        while (true) {
            AutoCloseable r;
            synchronized (owned) {
                r = owned.poll();
            }
            if (r == null) {
                break;
            }
            try {
                r.close();
            } catch (Exception ignored) {
                // best effort: the directory must still go
            }
        }
        Set<Long> pids = new java.util.HashSet<>();
        for (ChildProcess child : children()) {
            child.awaitGone();
            child.startedPid().ifPresent(pids::add);
        }
        boolean any;
        synchronized (owned) {
            any = launched;
        }
        if (any) { // what they started and left running goes too (on Linux even a daemon: see ProcessTree)
            ProcessTree.kill(tag());
        }
        home.close();
        // a child killed before its own shutdown hook ran (Ctrl-C reaches demo and its children
        // at once, and demo kills them) leaves its directories: they are swept now, not next time
        Janitor.sweepOrphansOf(pids);
        synchronized (this) {
            if (socketDir != null) {
                socketDir.close();
            }
        }
        OPEN.remove(this);
    }
}
