package concurrencydemo.multiprocessing;

import java.io.EOFException;
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
 * at a time and idle workers take the next job, which balances the load.
 *
 * <ul>
 *   <li>{@link #map} returns the results in the order of the arguments, whatever order the workers
 *       finish in; {@link #apply} runs one call.</li>
 *   <li>{@link #mapAsync} and {@link #applyAsync} return at once; the optional callback runs, on a
 *       dispatcher thread, when the result is ready.</li>
 *   <li>{@link #close} lets queued jobs finish and then lets the workers exit; {@link #join} waits
 *       for them; {@link #terminate} kills them at once and fails what is pending.</li>
 *   <li>A worker that dies fails its job with a {@link WorkerDiedException} naming it; when every
 *       worker has died, every pending job fails the same way, so nothing waits forever.</li>
 * </ul>
 */
public final class Pool implements AutoCloseable {
    private static final Job POISON = new Job(null, null);

    private final List<ChildProcess> workers = new ArrayList<>();
    private final List<Thread> dispatchers = new ArrayList<>();
    private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final AtomicInteger liveDispatchers = new AtomicInteger();
    private volatile boolean closed;

    Pool(Workspace ws, int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("a pool needs at least one process, not " + processes);
        }
        for (int i = 0; i < processes; i++) {
            ChildProcess worker = ws.process("W" + (i + 1), Pool::serve).start();
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

    /** The worker processes, for reports. */
    public List<ChildProcess> workers() {
        return List.copyOf(workers);
    }

    /** Python's {@code map(func, iterable)}: the results in the arguments' order. */
    public <T extends Serializable, R> List<R> map(SerializableFunction<T, R> f, List<T> args)
            throws InterruptedException, ExecutionException {
        return mapAsync(f, args, null).get();
    }

    /** Python's {@code apply(func, args)}: runs one call in a worker and waits for its result. */
    public <T extends Serializable, R> R apply(SerializableFunction<T, R> f, T arg)
            throws InterruptedException, ExecutionException {
        return applyAsync(f, arg, null).get();
    }

    /** Python's {@code map_async}: returns at once; {@code callback} (may be null) gets the list. */
    public <T extends Serializable, R> CompletableFuture<List<R>> mapAsync(
            SerializableFunction<T, R> f, List<T> args, Consumer<List<R>> callback) {
        List<CompletableFuture<R>> parts = new ArrayList<>();
        for (T arg : args) {
            parts.add(submit(f, arg));
        }
        CompletableFuture<List<R>> all = CompletableFuture.allOf(parts.toArray(new CompletableFuture[0]))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toList());
        return callback == null ? all : all.thenApply(list -> {
            callback.accept(list);
            return list;
        });
    }

    /** Python's {@code apply_async}: returns at once; {@code callback} (may be null) gets the result. */
    public <T extends Serializable, R> CompletableFuture<R> applyAsync(
            SerializableFunction<T, R> f, T arg, Consumer<R> callback) {
        CompletableFuture<R> result = submit(f, arg);
        return callback == null ? result : result.thenApply(r -> {
            callback.accept(r);
            return r;
        });
    }

    @SuppressWarnings("unchecked")
    private <T extends Serializable, R> CompletableFuture<R> submit(SerializableFunction<T, R> f, T arg) {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        Job job = new Job(new Call(f, arg), new CompletableFuture<>());
        jobs.add(job);
        if (liveDispatchers.get() == 0) {
            failPending(new WorkerDiedException("every worker of the pool has died"));
        }
        return (CompletableFuture<R>) job.result;
    }

    /** Python's {@code close()}: no more jobs; workers exit when the queued ones are done. */
    public void close() {
        if (!closed) {
            closed = true;
            for (int i = 0; i < workers.size(); i++) {
                jobs.add(POISON);
            }
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

    /** Python's {@code terminate()}: kills the workers now; pending jobs fail. */
    public void terminate() {
        closed = true;
        for (ChildProcess w : workers) {
            w.terminate();
        }
        failPending(new WorkerDiedException("the pool was terminated"));
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
                    Frames.writeObject(toWorker, job.call);
                    Reply reply = Frames.deserialize(Frames.read(fromWorker));
                    if (reply.error() == null) {
                        job.result.complete(reply.value());
                    } else {
                        job.result.completeExceptionally(new ExecutionException(reply.error(), null));
                    }
                } catch (IOException e) {
                    job.result.completeExceptionally(died(worker));
                    return;
                }
            }
        } catch (InterruptedException | IOException e) {
            // the pool is shutting down
        } finally {
            if (liveDispatchers.decrementAndGet() == 0) {
                failPending(new WorkerDiedException("every worker of the pool has exited"));
            }
        }
    }

    private static WorkerDiedException died(ChildProcess worker) {
        try {
            worker.join(java.time.Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new WorkerDiedException("worker " + worker.describe() + " died while running a job");
    }

    private void failPending(WorkerDiedException why) {
        Job job;
        while ((job = jobs.poll()) != null) {
            if (job != POISON) {
                job.result.completeExceptionally(why);
            }
        }
    }

    /** The worker's loop, in the child: one call in, one reply out, until the parent closes. */
    static void serve() throws IOException {
        Child child = Child.current();
        while (true) {
            byte[] frame;
            try {
                frame = Frames.read(child.fromParent());
            } catch (EOFException parentClosed) {
                return;
            }
            Call call = Frames.deserialize(frame);
            Reply reply;
            try {
                reply = new Reply(call.run(), null);
            } catch (RuntimeException | Error e) {
                reply = new Reply(null, e.toString());
            }
            Frames.writeObject(child.toParent(), reply);
        }
    }

    /** A function and its argument, sent to a worker. */
    private record Call(SerializableFunction<Object, Object> f, Object arg) implements Serializable {
        @SuppressWarnings("unchecked")
        Call(SerializableFunction<?, ?> f, Serializable arg) {
            this((SerializableFunction<Object, Object>) f, (Object) arg);
        }

        Serializable run() {
            return (Serializable) f.apply(arg);
        }
    }

    /** A worker's answer: a value or an error message. */
    private record Reply(Serializable value, String error) implements Serializable {
    }

    private record Job(Call call, CompletableFuture<Object> result) {
    }

    /** A worker process died (or the pool was terminated) before finishing a job. */
    public static final class WorkerDiedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WorkerDiedException(String message) {
            super(message);
        }
    }
}
