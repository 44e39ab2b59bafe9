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
 * {@link concurrencydemo.multiprocessing.Pool.ProtocolException},
 * {@link concurrencydemo.multiprocessing.FrameTooLargeException},
 * {@link concurrencydemo.multiprocessing.WorkspaceException},
 * {@link concurrencydemo.multiprocessing.UnserializableException}); its messages are plain
 * technical lines for logs, and turning facts into words for a reader is its callers' business.
 *
 * <h2>Rooms within the package</h2>
 * Some classes here must stay apart from the rest, and {@code ArchitectureTest} pins what each may
 * use of this package:
 * <ul>
 *   <li>{@link concurrencydemo.multiprocessing.Janitor}, the sweep of stale private directories,
 *       uses only {@link concurrencydemo.multiprocessing.PrivateDirectory} (their shape) and
 *       {@link concurrencydemo.multiprocessing.WorkspaceException}: it deletes directories of
 *       JVMs that are gone, so it must know nothing of workspaces, processes or what a directory
 *       holds.</li>
 *   <li>{@link concurrencydemo.multiprocessing.PrivateDirectory} uses only
 *       {@link concurrencydemo.multiprocessing.WorkspaceException}.</li>
 *   <li>{@link concurrencydemo.multiprocessing.PoolWorker}, what runs in a pool's worker JVM, uses
 *       only {@link concurrencydemo.multiprocessing.Child}, {@link concurrencydemo.multiprocessing.Frames},
 *       {@link concurrencydemo.multiprocessing.FrameTooLargeException} and
 *       {@link concurrencydemo.multiprocessing.SerializableFunction}: nothing of the parent's side
 *       ({@link concurrencydemo.multiprocessing.ChildProcess}, {@link concurrencydemo.multiprocessing.Workspace},
 *       {@link concurrencydemo.multiprocessing.Pool}), which a pool worker never uses.</li>
 * </ul>
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
 *   <li>Locks, queues and pipes order memory through the operating system, and for most of them
 *       that is a fact of the implementation, not a documented promise. POSIX lists the functions
 *       that synchronize memory (XBD 4.12, "Memory Synchronization"): {@code waitpid} is among
 *       them, as are {@code sem_wait}, {@code sem_post} and the {@code pthread_mutex_*} functions;
 *       {@code fcntl}, {@code read} and {@code write} are not. Nor does entering the kernel order
 *       memory by itself: x86 {@code SYSCALL} is not a serializing instruction, and arm64
 *       {@code SVC} is not a {@code DMB}.</li>
 *   <li>What the implementation relies on, on Linux: the kernel serializes taking and releasing a
 *       file lock ({@code fcntl}) with its file-lock spinlock, and writes and reads of a socket or
 *       pipe with the socket's or pipe's locks; one CPU's release of such a lock and another's
 *       acquisition of it order the memory accesses around them, the caller's earlier writes to
 *       shared pages included. And HotSpot moves no Java memory access across a native call, so
 *       the writes a thread made before calling into the kernel are made before the call. Hence a
 *       process's writes before it releases a {@link concurrencydemo.multiprocessing.ProcessLock}
 *       or sends on a {@link concurrencydemo.multiprocessing.ProcessQueue} are visible to the
 *       process that then takes the lock or receives the item.</li>
 *   <li>For comparison, Python's {@code multiprocessing.Lock} is a POSIX semaphore
 *       ({@code sem_wait}/{@code sem_post}), which XBD 4.12 does list; a Java program cannot
 *       call those without native code, so demo's lock is a file lock.</li>
 * </ul>
 */
package concurrencydemo.multiprocessing;
