package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

/**
 * A private directory of a {@link Workspace}, and the lock its creator holds on it while it is
 * open. Closing releases the lock and deletes the directory.
 *
 * <p>The directory is created with owner-only permissions (on POSIX file systems) and a name that
 * is not guessable: {@code demo-<pid>-<random>}. Its first file is a lock file, {@value #LOCK},
 * which the creating JVM holds an OS file lock on ({@link FileChannel#tryLock()}, {@code fcntl} on
 * Linux) for as long as the directory is open; the second is a marker, {@value #MARKER}, naming the
 * creating process by pid and start time ({@link Creator}; for people: the {@link Janitor} trusts
 * the lock, not the start time). This shape is what the janitor recognises.
 *
 * <p>Invariant: while a directory is open, its lock file's absolute path and file key are in this
 * JVM's {@linkplain #heldHere held set}, from before its lock is taken until after it is released.
 * POSIX drops all of a process's locks on a file when it closes any descriptor of that file, so
 * nothing in this JVM may open a held lock file; the janitor asks {@link #heldHere} first.
 *
 * <p>Memory consistency effects: the creating thread adds the keys to the held set before it
 * takes the lock and writes the marker; the held set is a concurrent set, and a sweep in this
 * JVM that reads a whole marker (in practice ordered after its writing by the file system's own
 * locks: the Java memory model says nothing of files) finds the directory held.
 *
 * <p>Thread-safe; {@link #close} is called once, by its workspace.
 */
record PrivateDirectory(Path dir, FileChannel lock, Set<Object> keys) {
    /** The marker file at the top of every private directory. */
    static final String MARKER = ".demo-workspace";
    /** The lock file at the top of every private directory, locked by its creator while open. */
    static final String LOCK = ".demo-lock";
    /** The name of a private directory: {@code demo-<pid>-<random>}; group 1 is the pid. */
    static final Pattern NAME = Pattern.compile("demo-([0-9]{1,19})-[0-9]{1,20}");
    /** The largest marker {@link Creator#parse} is given: a real one is under 100 bytes. */
    static final int MARKER_MAX_BYTES = 256;
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    /**
     * The lock files of this JVM's private directories while it holds them, by file key and by
     * absolute path: nothing may open them (see the class comment).
     */
    private static final Set<Object> HELD = ConcurrentHashMap.newKeySet();

    /** Releases the lock and deletes the directory. */
    void close() {
        try {
            lock.close(); // releases the OS lock
        } catch (IOException ignored) {
            // the descriptor is gone either way
        }
        HELD.removeAll(keys);
        deleteRecursively(dir);
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
     * Refuses a base directory where another user could swap a private directory, or what is in
     * it, for their own (demo would then run their classes): {@code base} and every directory
     * above it must belong to root or to this process's user, and be writable by no one else
     * unless sticky ({@code /tmp}: there only an entry's owner may rename or delete it). Where the
     * system gives no owner's number and mode ({@code unix:} attributes), nothing is checked.
     */
    static void refuseShared(Path base) {
        Path real;
        try {
            real = base.toRealPath();
        } catch (IOException | RuntimeException missing) {
            return; // createTempDirectory says what is wrong with it
        }
        Unix.exposedAncestor(real).ifPresent(exposed -> {
            Path p = exposed.folder();
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_DIRECTORY, base, new IOException(switch (exposed.how()) {
                case OWNED_BY_ANOTHER -> p + " belongs to another user";
                case WRITABLE_BY_EVERYONE -> "every user can write in " + p + ", and it is not sticky";
                case WRITABLE_BY_GROUP -> "a group of users can write in " + p + ", and it is not sticky";
            }));
        });
    }

    /**
     * Creates {@code demo-<pid>-<random>} in {@code base} with owner-only permissions, its lock
     * file, locked, and then its marker: a sweep that reads a whole marker finds the lock held.
     *
     * @throws WorkspaceException when the directory or one of its files cannot be created
     */
    static PrivateDirectory create(Path base) {
        refuseShared(base);
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

    /**
     * Whether {@code lockFile} is the lock file of one of this JVM's open private directories, by
     * its absolute path or by its file key: then it must not be opened (see the class comment).
     *
     * @throws IOException when its attributes cannot be read
     */
    static boolean heldHere(Path lockFile) throws IOException {
        if (HELD.contains(lockFile.toAbsolutePath().normalize())) {
            return true;
        }
        Object key = Files.readAttributes(lockFile, BasicFileAttributes.class, NOFOLLOW_LINKS).fileKey();
        return key != null && HELD.contains(key);
    }

    static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /**
     * The process that made a private directory, as its marker names it: a pid, and that process's
     * start time when the operating system reports one (null otherwise). For people reading the
     * directory; the janitor does not decide by them (see {@link Janitor}).
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
