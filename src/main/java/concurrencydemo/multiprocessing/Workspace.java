package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>The directory is created under {@code $TMPDIR} (else {@code java.io.tmpdir}) with owner-only
 * permissions and a name that is not guessable: {@code demo-<pid>-<random>}; nothing is written
 * outside it. A JVM killed outright (SIGKILL) cannot clean up, so each new workspace first removes
 * the workspaces of {@code demo} processes that no longer exist.
 *
 * <p>Thread-safe.
 */
public final class Workspace implements AutoCloseable {
    private static final Set<Workspace> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            OPEN.forEach(Workspace::close);
        }, "workspace-cleanup"));
    }

    private final Path dir;
    private final Consumer<String> output;
    private final AtomicInteger fileNumbers = new AtomicInteger();
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final List<ChildProcess> children = new ArrayList<>();
    private volatile boolean closed;

    private Workspace(Path dir, Consumer<String> output) {
        this.dir = dir;
        this.output = output;
    }

    /**
     * A new workspace.
     *
     * @param output receives each line a child prints, prefixed with the child's name
     */
    public static Workspace create(Consumer<String> output) {
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down");
        }
        try {
            Path base = baseDirectory();
            sweepOrphans(base);
            String prefix = "demo-" + ProcessHandle.current().pid() + "-";
            Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory(base, prefix,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(base, prefix);
            Workspace ws = new Workspace(dir, output);
            OPEN.add(ws);
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private temporary directory", e);
        }
    }

    static Path baseDirectory() {
        String tmpdir = System.getenv("TMPDIR");
        if (tmpdir != null && !tmpdir.isEmpty() && Files.isDirectory(Path.of(tmpdir))) {
            return Path.of(tmpdir);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Deletes {@code demo-<pid>-*} directories in {@code base} whose process is gone. */
    static void sweepOrphans(Path base) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, "demo-*-*")) {
            for (Path dir : dirs) {
                String[] parts = dir.getFileName().toString().split("-");
                try {
                    long pid = Long.parseLong(parts[1]);
                    if (ProcessHandle.of(pid).isEmpty()
                            && Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                        deleteRecursively(dir);
                    }
                } catch (NumberFormatException | IOException notOurs) {
                    // not a workspace, or not ours to delete
                }
            }
        } catch (IOException ignored) {
            // sweeping is a courtesy; the new workspace does not depend on it
        }
    }

    /** The private directory. */
    public Path directory() {
        return dir;
    }

    /** A new file name in the directory, unique within this workspace. */
    Path newFile(String prefix, String suffix) {
        return dir.resolve(prefix + fileNumbers.incrementAndGet() + suffix);
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

    /** Python's {@code Pool(processes)}. */
    public Pool pool(int processes) {
        return own(new Pool(this, processes));
    }

    /** Python's {@code Process(target=…)}: a child JVM, not yet started. */
    public ChildProcess process(String name, Task target) {
        ChildProcess child = new ChildProcess(this, name, target, output);
        synchronized (children) {
            children.add(child);
        }
        return child;
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

    /** The children started so far, for reports. */
    public List<ChildProcess> children() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    /** Destroys every child, closes every queue and pool, deletes the directory. Never throws. */
    @Override
    public void close() {
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
        for (ChildProcess child : children()) {
            child.awaitGone();
        }
        deleteRecursively(dir);
        OPEN.remove(this);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // keep deleting the rest
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
