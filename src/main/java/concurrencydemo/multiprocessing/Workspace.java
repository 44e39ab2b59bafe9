package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

/**
 * Everything one program shares between processes, in one private directory: shared memory,
 * locks, queue sockets, and the child processes themselves. Closing the workspace destroys every
 * child it started, closes every queue and pool, and deletes the directory; so does the JVM's
 * exit, Ctrl-C included.
 *
 * <p>The directory is created under {@code $TMPDIR} (else {@code java.io.tmpdir}) with owner-only
 * permissions and a name that is not guessable: {@code demo-<pid>-<random>}. Its first file is a
 * lock file, {@value #LOCK}, which the creating JVM holds an OS file lock on
 * ({@link FileChannel#tryLock()}, {@code fcntl} on Linux) for as long as the workspace is open;
 * the second is a marker, {@value #MARKER}, naming the creating process by pid and start time
 * (for people; the sweep trusts the lock, not the start time). When {@code $TMPDIR}
 * is so long that a Unix-domain socket path in it would not fit the operating system's limit (about
 * 100 bytes), queue sockets go to a second private directory of the same shape and marker in
 * {@code java.io.tmpdir} or {@code /tmp}, deleted with the workspace. Nothing is written outside
 * these directories.
 *
 * <p>A JVM killed outright (SIGKILL) cannot clean up, so {@link #sweepOrphans()} (called by each new
 * workspace, and by whoever runs lessons) deletes the directories such JVMs left behind, and only
 * those it can prove demo made: a real directory (not a symbolic link) named exactly
 * {@code demo-<digits>-<digits>}, owned by the current user, with owner-only permissions (on POSIX
 * file systems), holding a marker of the right form whose pid is the one in the name and a lock
 * file, both regular files; and whose creator is gone: the sweep can take the lock. The operating
 * system releases a process's file locks when it ends, however it ends, so a lock that can be
 * taken has no live holder. (A start time would not do: on Linux the JDK derives it from the boot
 * time in {@code /proc/stat}, which moves when the clock is stepped or the machine resumes, so a
 * live creator could look dead.) This JVM's own open workspaces are never opened by the sweep:
 * POSIX drops all of a process's locks on a file when it closes any descriptor of that file.
 * Deletion follows no symbolic link.
 *
 * <p>Failures to create the directory or its files throw {@link WorkspaceException}, naming the path
 * and the reason.
 *
 * <p>Thread-safe.
 */
public final class Workspace implements AutoCloseable {
    /** The marker file at the top of every workspace directory. */
    static final String MARKER = ".demo-workspace";
    /** The lock file at the top of every workspace directory, locked by its creator while open. */
    static final String LOCK = ".demo-lock";
    /** The longest socket path, in bytes, used as is: Linux allows 107, macOS 103. */
    static final int MAX_SOCKET_PATH = 100;
    private static final Pattern NAME = Pattern.compile("demo-([0-9]{1,19})-[0-9]{1,20}");
    private static final int MARKER_MAX_BYTES = 256;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<Workspace> OPEN = ConcurrentHashMap.newKeySet();
    /**
     * The lock files of this JVM's private directories while it holds them, by file key and by
     * absolute path: the sweep must not open them (see the class comment).
     */
    private static final Set<Object> HELD = ConcurrentHashMap.newKeySet();
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
        return create(baseDirectory(), output);
    }

    /** A new workspace in {@code base}, for tests: {@link #create(Consumer)} reads the environment. */
    static Workspace create(Path base, Consumer<String> output) {
        if (shuttingDown) {
            throw new IllegalStateException("the JVM is shutting down");
        }
        sweepOrphans(base);
        Workspace ws = new Workspace(createPrivateDirectory(base), output);
        OPEN.add(ws);
        // The shutdown hook sets shuttingDown, then closes what OPEN holds: a workspace added while
        // it ran is either seen by it or sees shuttingDown here, and is closed either way.
        if (shuttingDown) {
            ws.close();
            throw new IllegalStateException("the JVM is shutting down");
        }
        return ws;
    }

    /** {@code $TMPDIR} when set and not empty, else {@code java.io.tmpdir}. */
    static Path baseDirectory() {
        return baseDirectory(System.getenv("TMPDIR"), System.getProperty("java.io.tmpdir"));
    }

    static Path baseDirectory(String tmpdir, String javaIoTmpdir) {
        String base = tmpdir != null && !tmpdir.isEmpty() ? tmpdir : javaIoTmpdir;
        try {
            return Path.of(base);
        } catch (InvalidPathException e) {
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_DIRECTORY, base, e);
        }
    }

    /**
     * A private directory and the lock its creator holds on it while it is open. Closing releases
     * the lock and deletes the directory.
     */
    private record PrivateDirectory(Path dir, FileChannel lock, Set<Object> keys) {
        void close() {
            try {
                lock.close(); // releases the OS lock
            } catch (IOException ignored) {
                // the descriptor is gone either way
            }
            HELD.removeAll(keys);
            deleteRecursively(dir);
        }
    }

    /**
     * Creates {@code demo-<pid>-<random>} in {@code base} with owner-only permissions, its lock
     * file, locked, and then its marker: a sweep that reads a whole marker finds the lock held.
     */
    private static PrivateDirectory createPrivateDirectory(Path base) {
        String prefix = "demo-" + ProcessHandle.current().pid() + "-";
        Path created;
        try {
            created = POSIX
                    ? Files.createTempDirectory(base, prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_DIRECTORY, base, e);
        }
        Path lockFile = created.resolve(LOCK);
        FileChannel lock;
        Set<Object> keys = new LinkedHashSet<>();
        try {
            lock = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            deleteRecursively(created);
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_FILE, lockFile, e);
        }
        try {
            keys.add(lockFile.toAbsolutePath().normalize());
            Object key = Files.readAttributes(lockFile, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey();
            if (key != null) {
                keys.add(key);
            }
            HELD.addAll(keys); // before the lock and the marker: a sweep in this JVM skips it from now on
            if (lock.tryLock() == null) {
                throw new IOException("locked by another process");
            }
        } catch (IOException e) {
            HELD.removeAll(keys);
            closeQuietly(lock);
            deleteRecursively(created);
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_FILE, lockFile, e);
        }
        Path marker = created.resolve(MARKER);
        try {
            Files.writeString(marker, Creator.self().toMarker(), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            new PrivateDirectory(created, lock, keys).close();
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_FILE, marker, e);
        }
        return new PrivateDirectory(created, lock, keys);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /**
     * Deletes the workspaces that JVMs killed outright left in {@code $TMPDIR} and in
     * {@code java.io.tmpdir}, and only those (see the class comment for how one is recognised).
     * For whoever runs lessons, at their start. Never throws: sweeping is a courtesy, and a base
     * directory that cannot be read is left alone.
     *
     * @return the directories deleted
     */
    public static List<Path> sweepOrphans() {
        List<Path> removed = new ArrayList<>();
        Set<Path> bases = new LinkedHashSet<>();
        try {
            bases.add(baseDirectory());
        } catch (WorkspaceException unusable) {
            // nothing of ours can be there
        }
        try {
            bases.add(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (InvalidPathException unusable) {
            // likewise
        }
        for (Path base : bases) {
            removed.addAll(sweepOrphans(base));
        }
        return removed;
    }

    /** Deletes the orphaned workspaces in {@code base}; never throws. */
    static List<Path> sweepOrphans(Path base) {
        List<Path> removed = new ArrayList<>();
        try {
            UserPrincipal me = base.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
                for (Path entry : entries) {
                    if (isOrphan(entry, me)) {
                        FileChannel lock = lockOrphan(entry);
                        if (lock != null) {
                            try {
                                deleteRecursively(entry); // holding its lock: no creator can hold it now
                                removed.add(entry);
                            } finally {
                                closeQuietly(lock);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the user cannot be looked up, or the base cannot be listed: sweep nothing
        }
        return removed;
    }

    /**
     * The lock of {@code entry}, a workspace {@link #isOrphan} accepted, taken now: proof that no
     * process holds it, so its creator is gone; null when a process holds it, or it cannot be taken.
     */
    private static FileChannel lockOrphan(Path entry) {
        FileChannel c;
        try {
            c = FileChannel.open(entry.resolve(LOCK), StandardOpenOption.WRITE, NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try {
            if (c.tryLock() != null) {
                return c;
            }
        } catch (IOException | RuntimeException e) {
            // OverlappingFileLockException: this JVM holds it, yet HELD missed it: not an orphan
        }
        closeQuietly(c);
        return null;
    }

    /**
     * Whether {@code entry} provably is a workspace demo made, not one of this JVM's: the shape
     * checks, before {@link #lockOrphan} asks whether its creator is gone.
     */
    private static boolean isOrphan(Path entry, UserPrincipal me) {
        Matcher name = NAME.matcher(entry.getFileName().toString());
        if (!name.matches()) {
            return false;
        }
        try {
            if (!isPrivate(entry, me, true)) {
                return false;
            }
            Path marker = entry.resolve(MARKER);
            if (!isPrivate(marker, me, false)
                    || Files.readAttributes(marker, BasicFileAttributes.class, NOFOLLOW_LINKS).size() > MARKER_MAX_BYTES) {
                return false;
            }
            Creator creator = Creator.parse(Files.readString(marker, StandardCharsets.US_ASCII));
            if (creator == null || !Long.toString(creator.pid()).equals(name.group(1))) {
                return false;
            }
            Path lock = entry.resolve(LOCK);
            if (!isPrivate(lock, me, false) || HELD.contains(lock.toAbsolutePath().normalize())) {
                return false;
            }
            Object key = Files.readAttributes(lock, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey();
            return key == null || !HELD.contains(key); // ours: never open it (it would drop our lock)
        } catch (IOException | RuntimeException e) {
            return false; // unreadable, malformed or vanished: not provably ours
        }
    }

    /**
     * A directory with owner-only permissions (on POSIX), or a regular file, owned by {@code me};
     * a symbolic link is neither. A file's own permissions do not matter: its directory's keep
     * others out.
     */
    private static boolean isPrivate(Path p, UserPrincipal me, boolean directory) throws IOException {
        if (POSIX) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, NOFOLLOW_LINKS);
            return (directory ? a.isDirectory() && a.permissions().equals(OWNER_ONLY) : a.isRegularFile())
                    && me.equals(a.owner());
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW_LINKS);
        return (directory ? a.isDirectory() : a.isRegularFile()) && me.equals(Files.getOwner(p, NOFOLLOW_LINKS));
    }

    /**
     * The process that made a workspace, as its marker names it: a pid, and that process's start
     * time when the operating system reports one (null otherwise). For people reading the
     * directory; the sweep does not decide by them (see the class comment).
     */
    record Creator(long pid, Instant start) {
        private static final String HEADER = "demo workspace";

        static Creator self() {
            ProcessHandle me = ProcessHandle.current();
            return new Creator(me.pid(), me.info().startInstant().orElse(null));
        }

        String toMarker() {
            return HEADER + "\npid " + pid + "\nstart " + (start == null ? "unknown" : start) + "\n";
        }

        /** The creator a marker names, or null when the text is not a marker. */
        static Creator parse(String text) {
            String[] lines = text.split("\n", -1);
            if (lines.length != 4 || !lines[0].equals(HEADER) || !lines[1].startsWith("pid ")
                    || !lines[2].startsWith("start ") || !lines[3].isEmpty()) {
                return null;
            }
            try {
                String start = lines[2].substring("start ".length());
                return new Creator(Long.parseLong(lines[1].substring("pid ".length())),
                        start.equals("unknown") ? null : Instant.parse(start));
            } catch (NumberFormatException | DateTimeParseException e) {
                return null;
            }
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
            sweepOrphans(base);
            socketDir = createPrivateDirectory(base);
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
     * Starts a program that is not Java, unless the workspace is closed, and owns it at once:
     * {@link #close} kills it (close marks the workspace closed, then takes what it owns under the
     * same lock, so a program is either refused here or killed there).
     */
    ExternalProgram startExternal(ProcessBuilder pb) throws java.io.IOException {
        synchronized (owned) {
            if (closed()) {
                throw new IllegalStateException("the workspace is closed");
            }
            ExternalProgram program = new ExternalProgram(pb.start());
            owned.push(program);
            return program;
        }
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
        for (ChildProcess child : children()) {
            child.awaitGone();
        }
        home.close();
        synchronized (this) {
            if (socketDir != null) {
                socketDir.close();
            }
        }
        OPEN.remove(this);
    }

    /**
     * Deletes {@code dir} and everything in it, following no symbolic link: a link in the tree is
     * deleted itself, and {@link Files#walkFileTree(Path, java.nio.file.FileVisitor)} without
     * {@code FOLLOW_LINKS} reports it as a file, never as a directory to enter. Best effort:
     * what cannot be deleted stays.
     */
    static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    deleteQuietly(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // keep deleting the rest
        }
    }
}
