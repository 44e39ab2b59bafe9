package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code multiprocessing.Lock}: a mutual-exclusion lock that works across processes and
 * across the threads of each process.
 *
 * <p>Built on an OS file lock ({@link FileChannel#lock}, {@code fcntl} on Linux) on a file of its
 * own, which excludes other processes, plus a {@link ReentrantLock} that excludes the other threads
 * of this JVM (the OS lock belongs to the whole process). Every {@code ProcessLock} object for one
 * lock file in one JVM (the original, a copy rebuilt from a task, two captures of it) shares that
 * in-JVM lock and one channel, so they exclude each other like one object. Invariant: at most one
 * thread in all processes holds the lock; in this JVM, a thread holds the file's in-JVM lock
 * exactly while it holds, or is acquiring, the OS lock; no exception leaves the in-JVM lock held
 * without the OS lock.
 *
 * <p>Not reentrant, and unlike Python's in how: Python's {@code Lock} is a semaphore of one, so
 * the holder that acquires it again blocks forever. demo's throws {@link IllegalStateException}
 * instead: the same mistake, a self-deadlock, becomes an immediate error that names itself rather
 * than a hang a lesson would have to time out. Likewise only the holder may release it (Python lets
 * any process release a {@code Lock}).
 *
 * <p>If the holder process dies, the operating system releases its file lock, so other processes
 * are not blocked forever; but whatever the holder had half-updated stays half-updated. If a thread
 * throws while holding it and does not release it (no {@code finally}, no try-with-resources), its
 * process keeps the lock and every other process waits.
 *
 * <p>Memory consistency effects: within one JVM, actions before {@link #release} happen-before the
 * actions after a subsequent {@link #acquire} (through the {@link ReentrantLock}). Across
 * processes the Java memory model says nothing; the implementation relies on the operating system:
 * releasing and taking the file lock are system calls that act as full memory barriers, so writes
 * to shared memory before {@code release} in one process are visible after a subsequent
 * {@code acquire} in another (see the package documentation).
 */
public final class ProcessLock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The state of each lock file this JVM has used, by absolute path. */
    private static final ConcurrentMap<String, PerFile> FILES = new ConcurrentHashMap<>();

    private final String file;

    private ProcessLock(Path file) {
        this.file = file.toAbsolutePath().toString();
    }

    static ProcessLock create(Workspace ws) {
        Path file = ws.newFile("lock-", ".lock");
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_FILE, file, e);
        }
        ProcessLock lock = new ProcessLock(file);
        ws.own(lock::forget);
        return lock;
    }

    /** One lock file as this JVM uses it. */
    private static final class PerFile {
        final ReentrantLock threads = new ReentrantLock();
        // written under threads; volatile for forget(), which reads it without
        volatile FileChannel channel;
        // @GuardedBy("threads")
        FileLock held;
    }

    private PerFile state() {
        return FILES.computeIfAbsent(file, f -> new PerFile());
    }

    /**
     * Blocks until this thread holds the lock.
     *
     * @throws IllegalStateException when this thread already holds it
     * @throws InterruptedException when interrupted while waiting; the lock is then not held
     * @throws UncheckedIOException when the lock file cannot be opened or locked
     */
    public void acquire() throws InterruptedException {
        PerFile s = state();
        if (s.threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread already holds the lock " + file + " (it is not reentrant)");
        }
        s.threads.lockInterruptibly();
        try {
            s.held = channel(s).lock();
        } catch (IOException e) {
            s.threads.unlock();
            // an interrupt during FileChannel.lock closes the channel (ClosedByInterruptException)
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the process lock " + file);
            }
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (RuntimeException | Error e) {
            s.threads.unlock();
            throw e;
        }
    }

    /**
     * Releases the lock held by this thread.
     *
     * @throws IllegalStateException when this thread does not hold it
     */
    public void release() {
        PerFile s = state();
        if (!s.threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("release() of " + file + " by a thread that does not hold it");
        }
        try {
            s.held.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + file, e);
        } finally {
            s.held = null;
            s.threads.unlock();
        }
    }

    /** Python's {@code with lock:}: {@code try (var held = lock.hold()) { … }} releases on any exit. */
    public Held hold() throws InterruptedException {
        acquire();
        return this::release;
    }

    /** The lock, held until {@link #close}. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private FileChannel channel(PerFile s) throws IOException {
        if (s.channel == null || !s.channel.isOpen()) {
            s.channel = FileChannel.open(Path.of(file), StandardOpenOption.WRITE);
        }
        return s.channel;
    }

    /**
     * When the workspace closes: closes this JVM's channel to the file (which releases an OS lock a
     * thread forgot to release) and forgets the file, so that no descriptor outlives the workspace.
     */
    private void forget() throws IOException {
        PerFile s = FILES.remove(file);
        if (s != null) {
            FileChannel c = s.channel; // a thread still holding it at close time loses it
            if (c != null) {
                c.close();
            }
        }
    }
}
