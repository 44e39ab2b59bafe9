package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
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
 * without the OS lock. The one exception is the workspace's closing: it closes this JVM's channel
 * to the file, which releases the OS lock under a thread that still holds the lock; that thread's
 * {@link #release} then frees the in-JVM lock, and every later {@link #acquire} throws
 * {@link IllegalStateException}.
 *
 * <p>An interrupt that reaches a thread blocked in the OS lock closes the channel (the JDK closes
 * an interruptible channel on interrupt); the thread gets {@link InterruptedException}, holds
 * neither lock, and the next {@code acquire} in this JVM opens the channel again.
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
 * processes the Java memory model says nothing, and POSIX does not count {@code fcntl} among the
 * functions that synchronize memory. What the implementation relies on, on Linux: the kernel
 * takes its file-lock spinlock both to release the lock and to grant it, and that lock's
 * release/acquire ordering carries the releasing process's earlier writes; HotSpot moves no
 * memory access across the native call. So writes to shared memory before {@code release} in one
 * process are visible after a subsequent {@code acquire} in another (see the package
 * documentation).
 */
public final class ProcessLock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The state of each lock file in use in this JVM, by absolute path, until its workspace closes. */
    private static final ConcurrentMap<String, PerFile> FILES = new ConcurrentHashMap<>();

    private final String file;
    /**
     * This JVM's state for the file, bound when this object is made or rebuilt, and kept: the
     * thread that acquired through it releases through it, even after the workspace forgot it.
     */
    private transient PerFile state;

    private ProcessLock(Path file) {
        this.file = file.toAbsolutePath().toString();
        this.state = FILES.computeIfAbsent(this.file, PerFile::new);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        state = FILES.computeIfAbsent(file, PerFile::new);
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

    /** Whether this JVM keeps state for {@code lock}'s file, for tests. */
    static boolean inUse(ProcessLock lock) {
        return FILES.get(lock.file) == lock.state;
    }

    /**
     * One lock file as this JVM uses it. Invariant: {@code held != null} only while a thread holds
     * {@code threads}; once {@code closed}, {@code channel} is closed or being closed, and no
     * acquire succeeds.
     */
    private static final class PerFile {
        final String file;
        final ReentrantLock threads = new ReentrantLock();
        // written under threads; volatile for forget(), which reads it without
        volatile FileChannel channel;
        // @GuardedBy("threads")
        FileLock held;
        volatile boolean closed;

        PerFile(String file) {
            this.file = file;
        }

        /** The channel, opened now if none is open (an interrupt in {@code lock} closes it). */
        // @GuardedBy("threads")
        FileChannel channel() throws IOException {
            FileChannel c = channel;
            if (c == null || !c.isOpen()) {
                c = FileChannel.open(Path.of(file), StandardOpenOption.WRITE);
                channel = c;
                if (closed) { // forget() ran meanwhile and may have missed this channel
                    c.close();
                }
            }
            return c;
        }

        IllegalStateException closedError() {
            return new IllegalStateException("the lock " + file + " is closed: its workspace was closed");
        }
    }

    /**
     * Blocks until this thread holds the lock.
     *
     * @throws IllegalStateException when this thread already holds it, or the lock's workspace is closed
     * @throws InterruptedException when interrupted while waiting, for this JVM's threads or for
     *         another process; the lock is then not held
     * @throws UncheckedIOException when the lock file cannot be opened or locked
     */
    public void acquire() throws InterruptedException {
        PerFile s = state;
        if (s.threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread already holds the lock " + file + " (it is not reentrant)");
        }
        s.threads.lockInterruptibly();
        boolean acquired = false;
        try {
            if (s.closed) {
                throw s.closedError();
            }
            s.held = s.channel().lock();
            acquired = true;
        } catch (IOException e) {
            // An interrupt during FileChannel.lock closes the channel (FileLockInterruptionException);
            // the next acquire opens it again. No OS lock was taken, and finally frees the in-JVM one.
            if (Thread.interrupted() || e instanceof FileLockInterruptionException) {
                throw new InterruptedException("interrupted while waiting for the process lock " + file);
            }
            if (s.closed) {
                throw s.closedError(); // forget() closed the channel under us
            }
            throw new UncheckedIOException("cannot lock " + file, e);
        } finally {
            if (!acquired) {
                s.threads.unlock();
            }
        }
    }

    /**
     * Releases the lock held by this thread. Also after its workspace closed, which already
     * released the OS lock: then this frees the lock for the other threads of this JVM.
     *
     * @throws IllegalStateException when this thread does not hold it
     */
    public void release() {
        PerFile s = state;
        if (!s.threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("release() of " + file + " by a thread that does not hold it");
        }
        FileLock h = s.held;
        s.held = null;
        try {
            if (h != null && h.isValid()) {
                h.release();
            }
        } catch (ClosedChannelException e) {
            // forget() closed the channel, and with it the OS lock, meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + file, e);
        } finally {
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

    /**
     * When the workspace closes: marks the file's state closed (no acquire succeeds after), closes
     * this JVM's channel to the file (which releases an OS lock a thread still holds, and fails an
     * acquire blocked in the OS lock), and stops tracking the file, so that no descriptor or entry
     * outlives the workspace. A thread that holds the lock still releases it, through the state it
     * acquired with; waiters of this JVM then fail with {@link IllegalStateException}.
     */
    private void forget() throws IOException {
        PerFile s = state;
        s.closed = true; // before reading channel: see PerFile.channel()
        FILES.remove(file, s);
        FileChannel c = s.channel;
        if (c != null) {
            c.close();
        }
    }
}
