package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code multiprocessing.Lock}: a mutual-exclusion lock that works across processes and
 * across the threads of each process.
 *
 * <p>Built on an OS file lock ({@link FileChannel#lock}) on a file of its own, which excludes other
 * processes, plus a {@link ReentrantLock} that excludes the other threads of this JVM (the OS lock
 * belongs to the whole process). At most one thread in all processes holds the lock at a time.
 *
 * <p>Not reentrant, like Python's: acquiring it again in the thread that holds it throws.
 *
 * <p>If the holder process dies, the operating system releases its file lock, so other processes
 * are not blocked forever; but whatever the holder had half-updated stays half-updated. If a thread
 * throws while holding it and does not release it (no {@code finally}, no try-with-resources), its
 * process keeps the lock and every other process waits.
 *
 * <p>Memory consistency effects: actions in a process before {@link #release} happen-before the
 * actions after a subsequent {@link #acquire} in any process.
 */
public final class ProcessLock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String file;
    private transient ReentrantLock threads = new ReentrantLock();
    /** Guarded by {@code threads}. */
    private transient FileChannel channel;
    /** Guarded by {@code threads}. */
    private transient FileLock held;

    private ProcessLock(Path file) {
        this.file = file.toString();
    }

    static ProcessLock create(Workspace ws) {
        Path file = ws.newFile("lock-", ".lock");
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw WorkspaceException.of(WorkspaceException.Operation.CREATE_FILE, file, e);
        }
        return new ProcessLock(file);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        threads = new ReentrantLock();
    }

    /** Blocks until this thread holds the lock. */
    public void acquire() throws InterruptedException {
        if (threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread already holds the lock (it is not reentrant)");
        }
        threads.lockInterruptibly();
        try {
            held = channel().lock();
        } catch (IOException e) {
            threads.unlock();
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the process lock");
            }
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** Releases the lock held by this thread. */
    public void release() {
        if (!threads.isHeldByCurrentThread()) {
            throw new IllegalStateException("release() by a thread that does not hold the lock");
        }
        try {
            held.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + file, e);
        } finally {
            held = null;
            threads.unlock();
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

    private FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(Path.of(file), StandardOpenOption.WRITE);
        }
        return channel;
    }
}
