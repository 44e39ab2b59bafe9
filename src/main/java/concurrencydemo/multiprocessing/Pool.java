package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Python's {@code multiprocessing.Pool}: worker processes that run functions on arguments and send
 * the results back.
 *
 * <p>Each worker is a child JVM started once and reused. A dispatcher thread per worker takes the
 * next job from one shared queue, sends the function and its argument to its worker on the child's
 * standard input, and reads the result from the child's binary channel; a worker thus runs one job
 * at a time and idle workers take the next job, which balances the load. This class is the
 * parent's side; what runs in each worker, and the messages they exchange, are {@link PoolWorker}.
 *
 * <ul>
 *   <li>{@link #map} returns the results in the order of the arguments, whatever order the workers
 *       finish in; {@link #apply} runs one call.</li>
 *   <li>{@link #mapAsync} and {@link #applyAsync} return at once; the optional callback gets the
 *       result when it is ready, in the thread that completes the future (a dispatcher thread), or
 *       in the caller's thread, before the method returns, when the future is already complete
 *       as the callback is attached. It is not called when the job fails.</li>
 *   <li>{@link #close} lets queued jobs finish and then lets the workers exit; {@link #join} waits
 *       for them; {@link #terminate} kills them at once and fails what is pending. A job is either
 *       queued before {@code close} or {@code terminate} takes effect, or refused with
 *       {@link IllegalStateException} ("the pool is closed"); none is queued behind them.</li>
 *   <li>A call is serialized in the caller's thread when it is submitted: one that cannot be
 *       (a lambda that captured something not serializable) fails there, with an
 *       {@link UnserializableException}, and nothing of it is queued.</li>
 *   <li>A function that throws in the worker fails its call with an {@link ExecutionException}
 *       whose message is the worker's exception ({@code map} and {@code apply} throw it); the
 *       worker goes on serving. So does a result that cannot be serialized.</li>
 *   <li>A call or a result larger, serialized, than a frame may be ({@value Frames#MAX_FRAME} bytes)
 *       fails with a {@link FrameTooLargeException} naming its size and the limit: a call at
 *       submission, in the caller's thread, with nothing queued; a result as the cause of its call's
 *       {@link ExecutionException}, and the worker goes on serving.</li>
 *   <li>A live worker that sends something that is not a frame is out of step with its
 *       dispatcher: the worker is destroyed and its job fails with a {@link ProtocolException};
 *       the other workers go on.</li>
 *   <li>A worker that dies fails its job with a {@link WorkerDiedException} carrying the worker's
 *       facts; when every worker has died, every pending job fails the same way, so nothing waits
 *       forever. {@code map} and {@code apply} throw it as it is, not wrapped.</li>
 *   <li>A dispatcher that meets an unexpected exception for one job fails that job with it and
 *       goes on serving.</li>
 * </ul>
 *
 * <p>Memory consistency effects: a call is serialized in the submitting thread, so what it captures
 * is what that thread saw at submission; a worker's result reaches the caller as a copy, and the
 * completion of its future happens-before a {@code get} (or {@code map}, {@code apply}) that
 * returns it, as {@link CompletableFuture} promises.
 */
public final class Pool implements AutoCloseable {
    private static final Job POISON = new Job(null, null);
    private static final java.time.Duration EXIT_WAIT = java.time.Duration.ofSeconds(1);

    private final Workspace workspace;
    private final List<ChildProcess> workers = new ArrayList<>();
    private final List<Thread> dispatchers = new ArrayList<>();
    private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final AtomicInteger liveDispatchers = new AtomicInteger();
    /** Orders submissions against close and terminate: a job is queued before the POISONs, or refused. */
    private final Object shutdown = new Object();
    // written under shutdown; volatile for join() and died(), which read it without
    private volatile boolean closed;
    private volatile boolean terminated;

    Pool(Workspace ws, int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("a pool needs at least one process, not " + processes);
        }
        this.workspace = ws;
        for (int i = 0; i < processes; i++) {
            ChildProcess worker = ws.process("W" + (i + 1), PoolWorker::serve).start();
            workers.add(worker);
        }
        liveDispatchers.set(processes);
        for (ChildProcess worker : workers) {
            Thread t = new Thread(() -> dispatch(worker), worker.name() + "-dispatcher");
            t.setDaemon(true);
            dispatchers.add(t);
            t.start();
        }
    }

    /** The number of worker processes. */
    public int size() {
        return workers.size();
    }

    /** The dispatcher threads, one per worker, for tests. */
    List<Thread> dispatchers() {
        return List.copyOf(dispatchers);
    }

    /** The worker processes, for reports. */
    public List<ChildProcess> workers() {
        return List.copyOf(workers);
    }

    /**
     * Python's {@code map(func, iterable)}: the results in the arguments' order.
     *
     * @throws UnserializableException when a call cannot be serialized; then none is queued
     * @throws FrameTooLargeException when a call is larger than a frame may be; then none is queued
     * @throws ExecutionException when the function threw in a worker, or its result could not be
     *         sent back (not serializable, or too large: then the cause is a {@link FrameTooLargeException})
     * @throws WorkerDiedException when a worker died with a call, or the pool was terminated
     * @throws ProtocolException when a worker sent something that is not a frame
     * @throws IllegalStateException when the pool is closed
     */
    public <T extends Serializable, R> List<R> map(SerializableFunction<T, R> f, List<T> args)
            throws InterruptedException, ExecutionException {
        return await(mapAsync(f, args, null));
    }

    /**
     * Python's {@code apply(func, args)}: runs one call in a worker and waits for its result.
     *
     * @throws UnserializableException when the call cannot be serialized
     * @throws FrameTooLargeException when the call is larger than a frame may be; then it is not queued
     * @throws ExecutionException when the function threw in the worker, or its result could not be
     *         sent back (not serializable, or too large: then the cause is a {@link FrameTooLargeException})
     * @throws WorkerDiedException when the worker died with the call, or the pool was terminated
     * @throws ProtocolException when the worker sent something that is not a frame
     * @throws IllegalStateException when the pool is closed
     */
    public <T extends Serializable, R> R apply(SerializableFunction<T, R> f, T arg)
            throws InterruptedException, ExecutionException {
        return await(applyAsync(f, arg, null));
    }

    private static <V> V await(CompletableFuture<V> result) throws InterruptedException, ExecutionException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkerDiedException died) {
                throw died;
            }
            if (e.getCause() instanceof ProtocolException broken) {
                throw broken;
            }
            if (e.getCause() instanceof ExecutionException inWorker) {
                throw inWorker; // the worker's own: its message is the worker's exception
            }
            throw e;
        }
    }

    /**
     * Python's {@code map_async}: returns at once; {@code callback} (may be null) gets the list.
     *
     * @throws UnserializableException when a call cannot be serialized; then none is queued
     * @throws FrameTooLargeException when a call is larger than a frame may be; then none is queued
     * @throws IllegalStateException when the pool is closed or terminated; then none is queued
     */
    public <T extends Serializable, R> CompletableFuture<List<R>> mapAsync(
            SerializableFunction<T, R> f, List<T> args, Consumer<List<R>> callback) {
        List<Job> jobs = new ArrayList<>();
        for (T arg : args) {
            jobs.add(job(f, arg)); // all serialized before any is queued
        }
        List<CompletableFuture<R>> parts = submit(jobs);
        CompletableFuture<List<R>> all = CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toList());
        return callback == null ? all : all.thenApply(list -> {
            callback.accept(list);
            return list;
        });
    }

    /**
     * Python's {@code apply_async}: returns at once; {@code callback} (may be null) gets the result.
     *
     * @throws UnserializableException when the call cannot be serialized; then it is not queued
     * @throws FrameTooLargeException when the call is larger than a frame may be; then it is not queued
     * @throws IllegalStateException when the pool is closed or terminated
     */
    public <T extends Serializable, R> CompletableFuture<R> applyAsync(
            SerializableFunction<T, R> f, T arg, Consumer<R> callback) {
        CompletableFuture<R> result = this.<R>submit(List.of(job(f, arg))).get(0);
        return callback == null ? result : result.thenApply(r -> {
            callback.accept(r);
            return r;
        });
    }

    /** A job for {@code f(arg)}, serialized now, in the caller's thread, and checked to fit a frame. */
    private static <T extends Serializable, R> Job job(SerializableFunction<T, R> f, T arg) {
        String what = "a pool call with an argument of class " + (arg == null ? "null" : arg.getClass().getName());
        return new Job(Frames.serialize(new PoolWorker.Call(f, arg), what), new CompletableFuture<>());
    }

    /** Queues all of {@code batch}, or none when the pool is closed. */
    @SuppressWarnings("unchecked")
    private <R> List<CompletableFuture<R>> submit(List<Job> batch) {
        synchronized (shutdown) {
            if (closed) {
                throw new IllegalStateException("the pool is closed");
            }
            jobs.addAll(batch); // ahead of the POISONs that close() will add
        }
        // A dispatcher decrements, then drains; we add, then read: one of us sees the other.
        if (liveDispatchers.get() == 0) {
            failPending(new WorkerDiedException(WorkerDiedException.Reason.NO_LIVE_WORKER, null));
        }
        List<CompletableFuture<R>> results = new ArrayList<>();
        for (Job job : batch) {
            results.add((CompletableFuture<R>) job.result);
        }
        return results;
    }

    /** Python's {@code close()}: no more jobs; workers exit when the queued ones are done. */
    public void close() {
        synchronized (shutdown) {
            if (closed) {
                return;
            }
            closed = true;
            addPoison();
        }
    }

    /** One POISON per dispatcher, behind every job queued so far. */
    private void addPoison() {
        for (int i = 0; i < dispatchers.size(); i++) {
            jobs.add(POISON);
        }
    }

    /** Python's {@code join()}: waits for the workers to exit; call {@link #close} first. */
    public void join() throws InterruptedException {
        if (!closed) {
            throw new IllegalStateException("close() or terminate() the pool before join()");
        }
        for (Thread t : dispatchers) {
            t.join();
        }
        for (ChildProcess w : workers) {
            w.join();
        }
    }

    /**
     * Python's {@code terminate()}: kills the workers now; pending jobs fail with
     * {@link WorkerDiedException.Reason#TERMINATED}, and so does each job a worker was running. Every
     * dispatcher then ends (an idle one takes a POISON, a busy one finds its worker gone), so
     * {@link #join} returns. Closing the pool's {@link Workspace} terminates it.
     */
    public void terminate() {
        synchronized (shutdown) {
            closed = true;
            terminated = true;
        }
        for (ChildProcess w : workers) {
            w.terminate();
        }
        failPending(new WorkerDiedException(WorkerDiedException.Reason.TERMINATED, null));
        addPoison(); // wakes the dispatchers idle in take(); no job can be queued after these
    }

    private void dispatch(ChildProcess worker) {
        var toWorker = worker.toChild();
        var fromWorker = worker.fromChild();
        try {
            while (true) {
                Job job = jobs.take();
                if (job == POISON) {
                    toWorker.close();
                    return;
                }
                try {
                    Frames.write(toWorker, job.call);
                    PoolWorker.Reply reply = Frames.deserialize(Frames.read(fromWorker));
                    if (reply.error() == null) {
                        job.result.complete(reply.value());
                    } else {
                        job.result.completeExceptionally(new ExecutionException(reply.error(), reply.tooLarge()));
                    }
                } catch (Frames.CorruptFrameException e) {
                    // the worker is out of step with us: nothing more it sends can be trusted
                    ProtocolException broken = new ProtocolException(worker.name(), worker.pid(), e.getMessage());
                    worker.destroy();
                    worker.awaitGone();
                    job.result.completeExceptionally(broken);
                    return;
                } catch (IOException e) {
                    job.result.completeExceptionally(died(worker));
                    return;
                } catch (RuntimeException | Error e) {
                    job.result.completeExceptionally(e); // unexpected: fail this job, serve the next
                }
            }
        } catch (InterruptedException | IOException e) {
            // the pool is shutting down
        } finally {
            if (liveDispatchers.decrementAndGet() == 0) {
                failPending(new WorkerDiedException(WorkerDiedException.Reason.NO_LIVE_WORKER, null));
            }
        }
    }

    private WorkerDiedException died(ChildProcess worker) {
        try {
            worker.join(EXIT_WAIT); // for its exit code
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the workspace kills its children before it terminates its pools
        boolean killedByUs = terminated || workspace.closed();
        return new WorkerDiedException(killedByUs ? WorkerDiedException.Reason.TERMINATED
                : WorkerDiedException.Reason.WORKER_DIED, ChildFailedException.of(worker));
    }

    private void failPending(WorkerDiedException why) {
        Job job;
        while ((job = jobs.poll()) != null) {
            if (job != POISON) {
                job.result.completeExceptionally(why);
            }
        }
    }

    /** A serialized {@link PoolWorker.Call} and the future its reply completes. */
    private record Job(byte[] call, CompletableFuture<Object> result) {
    }

    /**
     * A job was lost: its worker died with it, or the pool was terminated, or no worker was left to
     * run it. Carries the reason and, when a worker died, the worker's facts
     * ({@link #worker()}, also the cause).
     */
    public static final class WorkerDiedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Why the job was lost. */
        public enum Reason {
            /** Its worker process ended while running it. */
            WORKER_DIED,
            /** {@link Pool#terminate()} killed the workers. */
            TERMINATED,
            /** Every worker had ended before a worker could take it. */
            NO_LIVE_WORKER
        }

        private final Reason reason;
        private final ChildFailedException worker;

        WorkerDiedException(Reason reason, ChildFailedException worker) {
            super(switch (reason) {
                case WORKER_DIED -> "pool job lost: " + worker.getMessage();
                case TERMINATED -> "pool job lost: the pool was terminated";
                case NO_LIVE_WORKER -> "pool job lost: no live worker";
            }, worker);
            this.reason = reason;
            this.worker = worker;
        }

        public Reason reason() {
            return reason;
        }

        /** The worker that died with the job, when one did. */
        public java.util.Optional<ChildFailedException> worker() {
            return java.util.Optional.ofNullable(worker);
        }
    }

    /**
     * A job was lost because its worker sent something that is not a frame (a length outside
     * {@code 0..}{@value Frames#MAX_FRAME}): the channel between them was out of step, so the worker
     * was destroyed. Carries the worker's name and pid and what was read.
     */
    public static final class ProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String worker;
        private final long pid;

        ProtocolException(String worker, long pid, String detail) {
            super("pool job lost: worker " + worker + " (pid " + pid + ") sent a " + detail
                    + "; the worker was destroyed");
            this.worker = worker;
            this.pid = pid;
        }

        /** The worker's name, e.g. {@code W1}. */
        public String worker() {
            return worker;
        }

        public long pid() {
            return pid;
        }
    }
}
