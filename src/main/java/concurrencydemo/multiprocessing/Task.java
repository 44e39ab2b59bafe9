package concurrencydemo.multiprocessing;

import java.io.Serializable;

/**
 * What a child process runs: Python's {@code Process(target=…, args=…)} as one serializable
 * lambda. Whatever the lambda captures (a {@link SharedInt}, a {@link ProcessLock}, numbers) is
 * serialized by the parent and rebuilt in the child, so it must be {@link Serializable}; the shared
 * objects of this package reattach to the same memory, lock or queue when rebuilt.
 */
@FunctionalInterface
public interface Task extends Serializable {
    void run() throws Exception;
}
