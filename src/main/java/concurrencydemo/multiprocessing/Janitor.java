package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

/**
 * Deletes the {@linkplain PrivateDirectory private directories} that JVMs killed outright left
 * behind. A JVM killed with SIGKILL cannot clean up, so each new workspace, and whoever runs
 * lessons, sweeps.
 *
 * <p>The sweep deletes only what it can prove demo made: a real directory (not a symbolic link)
 * named exactly {@code demo-<digits>-<digits>}, owned by the current user, with owner-only
 * permissions (on POSIX file systems), holding a marker of the right form whose pid is the one in
 * the name and a lock file, both regular files; and whose creator is gone: the sweep can take the
 * lock. The operating system releases a process's file locks when it ends, however it ends, so a
 * lock that can be taken has no live holder. (A start time would not do: on Linux the JDK derives
 * it from the boot time in {@code /proc/stat}, which moves when the clock is stepped or the machine
 * resumes, so a live creator could look dead.) This JVM's own open directories are never opened by
 * the sweep: POSIX drops all of a process's locks on a file when it closes any descriptor of that
 * file ({@link PrivateDirectory#heldHere}). Deletion follows no symbolic link.
 *
 * <p>A directory is deleted while the sweep holds its lock, so that no creator can hold it
 * meanwhile.
 *
 * <p>Stateless and thread-safe. Never throws: sweeping is a courtesy, and a base directory that
 * cannot be read is left alone. It knows private directories only: nothing of workspaces,
 * processes or what a directory holds.
 */
final class Janitor {
    private Janitor() {
    }

    /**
     * Deletes the orphaned private directories in {@code $TMPDIR} and in {@code java.io.tmpdir},
     * and only those (see the class comment).
     *
     * @return the directories deleted
     */
    static List<Path> sweepOrphans() {
        return sweepOrphans(pid -> true);
    }

    /**
     * As {@link #sweepOrphans()}, only the directories of the processes {@code pids} made: what a
     * workspace's children, killed with it, could not delete themselves.
     */
    static List<Path> sweepOrphansOf(Set<Long> pids) {
        return pids.isEmpty() ? List.of() : sweepOrphans(pids::contains);
    }

    private static List<Path> sweepOrphans(java.util.function.LongPredicate made) {
        List<Path> removed = new ArrayList<>();
        Set<Path> bases = new LinkedHashSet<>();
        try {
            bases.add(PrivateDirectory.baseDirectory());
        } catch (WorkspaceException unusable) {
            // nothing of ours can be there
        }
        try {
            bases.add(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (InvalidPathException unusable) {
            // likewise
        }
        for (Path base : bases) {
            removed.addAll(sweepOrphans(base, made));
        }
        return removed;
    }

    /** Deletes the orphaned private directories in {@code base}; never throws. */
    static List<Path> sweepOrphans(Path base) {
        return sweepOrphans(base, pid -> true);
    }

    private static List<Path> sweepOrphans(Path base, java.util.function.LongPredicate made) {
        List<Path> removed = new ArrayList<>();
        try {
            UserPrincipal me = base.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(base)) {
                for (Path entry : entries) {
                    if (madeBy(entry, made) && isOrphan(entry, me)) {
                        FileChannel lock = lockOrphan(entry);
                        if (lock != null) {
                            try {
                                PrivateDirectory.deleteRecursively(entry); // holding its lock: no creator can hold it now
                                removed.add(entry);
                            } finally {
                                PrivateDirectory.closeQuietly(lock);
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

    /** Whether {@code entry}'s name says one of the processes {@code made} accepts made it. */
    private static boolean madeBy(Path entry, java.util.function.LongPredicate made) {
        Matcher name = PrivateDirectory.NAME.matcher(entry.getFileName().toString());
        try {
            return name.matches() && made.test(Long.parseLong(name.group(1)));
        } catch (NumberFormatException tooLong) {
            return false;
        }
    }

    /**
     * The lock of {@code entry}, a directory {@link #isOrphan} accepted, taken now: proof that no
     * process holds it, so its creator is gone; null when a process holds it, or it cannot be taken.
     */
    private static FileChannel lockOrphan(Path entry) {
        FileChannel c;
        try {
            c = FileChannel.open(entry.resolve(PrivateDirectory.LOCK), StandardOpenOption.WRITE, NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        try {
            if (c.tryLock() != null) {
                return c;
            }
        } catch (IOException | RuntimeException e) {
            // OverlappingFileLockException: this JVM holds it, yet heldHere missed it: not an orphan
        }
        PrivateDirectory.closeQuietly(c);
        return null;
    }

    /**
     * Whether {@code entry} provably is a private directory demo made, not one of this JVM's: the
     * shape checks, before {@link #lockOrphan} asks whether its creator is gone.
     */
    private static boolean isOrphan(Path entry, UserPrincipal me) {
        Matcher name = PrivateDirectory.NAME.matcher(entry.getFileName().toString());
        if (!name.matches()) {
            return false;
        }
        try {
            if (!isPrivate(entry, me, true)) {
                return false;
            }
            Path marker = entry.resolve(PrivateDirectory.MARKER);
            if (!isPrivate(marker, me, false) || Files.readAttributes(marker, BasicFileAttributes.class,
                    NOFOLLOW_LINKS).size() > PrivateDirectory.MARKER_MAX_BYTES) {
                return false;
            }
            PrivateDirectory.Creator creator = PrivateDirectory.Creator.parse(
                    Files.readString(marker, StandardCharsets.US_ASCII));
            if (creator == null || !Long.toString(creator.pid()).equals(name.group(1))) {
                return false;
            }
            Path lock = entry.resolve(PrivateDirectory.LOCK);
            // ours: never open it (it would drop our lock)
            return isPrivate(lock, me, false) && !PrivateDirectory.heldHere(lock);
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
        if (PrivateDirectory.POSIX) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, NOFOLLOW_LINKS);
            return (directory ? a.isDirectory() && a.permissions().equals(PrivateDirectory.OWNER_ONLY)
                    : a.isRegularFile()) && me.equals(a.owner());
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW_LINKS);
        return (directory ? a.isDirectory() : a.isRegularFile()) && me.equals(Files.getOwner(p, NOFOLLOW_LINKS));
    }
}
