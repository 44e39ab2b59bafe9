/**
 * Java twins of Python's {@code multiprocessing}: child JVMs ({@link concurrencydemo.multiprocessing.ChildProcess}),
 * shared memory ({@link concurrencydemo.multiprocessing.SharedInt},
 * {@link concurrencydemo.multiprocessing.SharedDoubles}), a cross-process
 * {@link concurrencydemo.multiprocessing.ProcessLock}, {@link concurrencydemo.multiprocessing.ProcessQueue}
 * and {@link concurrencydemo.multiprocessing.Pool}, all within a
 * {@link concurrencydemo.multiprocessing.Workspace}.
 *
 * <h2>Layering</h2>
 * This package imports nothing of {@code concurrencydemo.framework}, {@code .cli}, {@code .lessons}
 * or {@code .report}, and knows nothing of lessons or students. It reports failures as typed
 * exceptions carrying facts ({@link concurrencydemo.multiprocessing.ChildFailedException},
 * {@link concurrencydemo.multiprocessing.Pool.WorkerDiedException},
 * {@link concurrencydemo.multiprocessing.WorkspaceException},
 * {@link concurrencydemo.multiprocessing.UnserializableException}); its messages are plain
 * technical lines for logs, and turning facts into words for a reader is its callers' business.
 *
 * <h2>Memory ordering across processes</h2>
 * The Java memory model speaks of the threads of one JVM; it says nothing about two JVMs. Where
 * the classes here say that writes in one process are visible in another, that is what the
 * implementation relies on, not a theorem of the model:
 * <ul>
 *   <li>Shared memory is a file mapped by every process: the same physical pages.</li>
 *   <li>It is read and written only through volatile (sequentially consistent) or atomic
 *       {@link java.lang.invoke.VarHandle} accesses, which the JIT compiles to instructions with
 *       the fences or lock prefixes the model requires for volatile accesses within a JVM; the
 *       hardware applies them to memory whichever process runs them, and keeps caches coherent.
 *       Plain accesses would give no such promise, so none is made.</li>
 *   <li>Locks, queues and pipes order memory through the operating system: taking and releasing a
 *       file lock ({@code fcntl}), writing and reading a socket or pipe, and reaping a child
 *       ({@code waitpid}) are system calls that act as full memory barriers.</li>
 * </ul>
 */
package concurrencydemo.multiprocessing;
