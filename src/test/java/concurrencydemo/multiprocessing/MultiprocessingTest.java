package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class MultiprocessingTest {
    private final List<String> childOutput = java.util.Collections.synchronizedList(new ArrayList<>());
    private Workspace ws;

    @BeforeEach
    void openWorkspace() {
        ws = Workspace.create(childOutput::add);
    }

    @AfterEach
    void closeWorkspace() {
        ws.close();
    }

    @Test
    @DisplayName("a Value and an Array written by a child are seen by the parent")
    void sharedMemoryIsVisibleAcrossProcesses() throws Exception {
        SharedInt number = ws.sharedInt(7);
        SharedDoubles array = ws.sharedDoubles(0.0, 100.0, 200.0);
        ChildProcess child = ws.process("P1", () -> {
            number.set(number.get() * 6);
            array.set(2, array.get(2) + 0.5);
        }).start();
        child.join();
        assertThat(child.exitCode()).isZero();
        assertThat(number.get()).isEqualTo(42);
        assertThat(array.toArray()).containsExactly(0.0, 100.0, 200.5);
        assertThat(array).hasToString("[0.0, 100.0, 200.5]");
    }

    @Test
    @DisplayName("a SharedTrace keeps every step of two processes, each process's in its order, and drops what overflows")
    void sharedTraceKeepsEveryStep() throws Exception {
        SharedTrace trace = ws.sharedTrace(100);
        List<ChildProcess> children = Processes.startTogether(ws, List.of("P1", "P2"), List.of(
                () -> recordSteps(trace, 1), () -> recordSteps(trace, 2)));
        Processes.joinAll(children);
        trace.record(3, "lock", 0); // the 101st: dropped
        List<SharedTrace.Step> steps = trace.steps();
        assertThat(steps).hasSize(100);
        for (String actor : List.of("P1", "P2")) {
            List<SharedTrace.Step> mine = steps.stream().filter(s -> s.actor().equals(actor)).toList();
            assertThat(mine).extracting(SharedTrace.Step::value).isEqualTo(IntStream.range(0, 50).boxed().toList());
            assertThat(mine).extracting(SharedTrace.Step::op).containsOnly("write");
            assertThat(mine).extracting(SharedTrace.Step::nanos).isSorted();
        }
    }

    private static void recordSteps(SharedTrace trace, int actor) {
        for (int i = 0; i < 50; i++) {
            trace.record(actor, "write", i);
        }
    }

    @Test
    @DisplayName("the Lock excludes: 2 processes x 300 locked read-modify-writes end at exactly 600")
    @SuppressWarnings("try") // the held lock is the resource, never named in the body
    void lockExcludesAcrossProcesses() throws Exception {
        SharedInt counter = ws.sharedInt(0);
        ProcessLock lock = ws.lock();
        StartBarrier start = ws.startBarrier(2);
        List<ChildProcess> children = new ArrayList<>();
        for (String name : List.of("P1", "P2")) {
            children.add(ws.process(name, () -> {
                start.await(Duration.ofSeconds(10));
                for (int i = 0; i < 300; i++) {
                    try (ProcessLock.Held held = lock.hold()) {
                        int v = counter.get();
                        Thread.onSpinWait();
                        counter.set(v + 1);
                    }
                }
            }).start());
        }
        for (ChildProcess c : children) {
            c.join();
            assertThat(c.exitCode()).isZero();
        }
        assertThat(counter.get()).isEqualTo(600);
    }

    @Test
    @DisplayName("the Lock also excludes the threads of one process")
    void lockExcludesThreadsToo() throws Exception {
        SharedInt counter = ws.sharedInt(0);
        ProcessLock lock = ws.lock();
        Runnable add = () -> {
            for (int i = 0; i < 1000; i++) {
                try {
                    lock.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                counter.set(counter.get() + 1);
                lock.release();
            }
        };
        Thread a = new Thread(add);
        Thread b = new Thread(add);
        a.start();
        b.start();
        a.join();
        b.join();
        assertThat(counter.get()).isEqualTo(2000);
    }

    @Test
    @DisplayName("two Lock objects for one lock file in one JVM exclude each other's threads, without exceptions")
    void twoInstancesOfOneLockExclude() throws Exception {
        SharedInt counter = ws.sharedInt(0);
        ProcessLock lock = ws.lock();
        ProcessLock copy = Frames.deserialize(Frames.serialize(lock)); // as a second capture would be
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread a = new Thread(() -> addLocked(lock, counter, failures));
        Thread b = new Thread(() -> addLocked(copy, counter, failures));
        a.start();
        b.start();
        a.join();
        b.join();
        assertThat(failures).isEmpty();
        assertThat(counter.get()).isEqualTo(2000);
    }

    private static void addLocked(ProcessLock lock, SharedInt counter, List<Throwable> failures) {
        try {
            for (int i = 0; i < 1000; i++) {
                lock.acquire();
                try {
                    counter.set(counter.get() + 1);
                } finally {
                    lock.release();
                }
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    @Test
    @DisplayName("an interrupted acquire, in this JVM or against another process, never leaves the Lock held")
    void interruptedAcquireLeavesLockFree() throws Exception {
        ProcessLock lock = ws.lock();
        ProcessLock copy = Frames.deserialize(Frames.serialize(lock));
        // Held by another thread of this JVM: the waiter is interrupted.
        lock.acquire();
        List<Throwable> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread waiter = new Thread(() -> {
            try {
                copy.acquire();
                copy.release();
            } catch (Throwable t) {
                thrown.add(t);
            }
        });
        waiter.start();
        awaitBlockedIn(waiter, "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire");
        waiter.interrupt();
        waiter.join();
        lock.release();
        assertThat(thrown).singleElement().isInstanceOf(InterruptedException.class);

        // Held by another process: the waiter is interrupted inside the OS lock, which closes the
        // channel the lock file's users in this JVM share.
        SharedInt phase = ws.sharedInt(0);
        ChildProcess holder = ws.process("P1", () -> {
            lock.acquire();
            phase.set(1);
            phase.awaitAtLeast(2, Duration.ofSeconds(30));
            lock.release();
        }).start();
        assertThat(phase.awaitAtLeast(1, Duration.ofSeconds(20))).isTrue();
        Thread osWaiter = new Thread(() -> {
            try {
                copy.acquire();
                copy.release();
            } catch (Throwable t) {
                thrown.add(t);
            }
        });
        osWaiter.start();
        awaitBlockedIn(osWaiter, "FileDispatcherImpl.lock0"); // sun.nio.ch's; UnixFileDispatcherImpl on JDK 21 and later
        osWaiter.interrupt();
        osWaiter.join();
        assertThat(thrown).hasSize(2).last().isInstanceOf(InterruptedException.class);
        phase.set(2);
        holder.join();
        assertThat(holder.exitCode()).isZero();
        Thread later = new Thread(() -> addLocked(lock, ws.sharedInt(0), thrown));
        later.start();
        later.join();
        assertThat(thrown).hasSize(2);
    }

    /** Waits until {@code t} runs {@code frame} ("class.method"), polling its stack; fails after 20 s. */
    private static void awaitBlockedIn(Thread t, String frame) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (java.util.Arrays.stream(t.getStackTrace()).noneMatch(f -> (f.getClassName() + "." + f.getMethodName()).endsWith(frame))) {
            assertThat(t.isAlive()).as("%s ended before it blocked in %s", t.getName(), frame).isTrue();
            assertThat(System.nanoTime() - deadline).as("%s never blocked in %s", t.getName(), frame).isNegative();
            t.join(1);
        }
    }

    @Test
    @DisplayName("a Lock held while its workspace closes can still be released; waiters in this JVM are freed and refused")
    void lockHeldAcrossWorkspaceClose() throws Exception {
        Workspace own = Workspace.create(line -> { });
        ProcessLock lock = own.lock();
        lock.acquire();
        List<Throwable> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread waiter = new Thread(() -> {
            try {
                lock.acquire();
                lock.release();
            } catch (Throwable t) {
                thrown.add(t);
            }
        });
        waiter.start();
        awaitBlockedIn(waiter, "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire");
        own.close();
        try {
            lock.release();
        } finally {
            waiter.join(Duration.ofSeconds(10).toMillis());
            if (waiter.isAlive()) {
                waiter.interrupt();
                waiter.join();
            }
        }
        assertThat(thrown).singleElement().isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage).asString().contains("closed");
        assertThatThrownBy(lock::acquire).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(ProcessLock.inUse(lock)).isFalse();
    }

    @Test
    @DisplayName("the Queue loses nothing and keeps each producer's order")
    void queueLosesNothing() throws Exception {
        ProcessQueue<Integer> q = ws.queue();
        ChildProcess up = ws.process("P1", () -> {
            for (int i = 1; i <= 100; i++) {
                q.put(i);
            }
        }).start();
        ChildProcess down = ws.process("P2", () -> {
            for (int i = 1; i <= 100; i++) {
                q.put(-i);
            }
        }).start();
        up.join();
        down.join();
        List<Integer> got = new ArrayList<>();
        while (!q.empty()) {
            got.add(q.get());
        }
        assertThat(got).hasSize(200);
        assertThat(got.stream().filter(i -> i > 0).toList()).isEqualTo(IntStream.rangeClosed(1, 100).boxed().toList());
        assertThat(got.stream().filter(i -> i < 0).toList()).isEqualTo(IntStream.rangeClosed(1, 100).map(i -> -i).boxed().toList());
    }

    @Test
    @DisplayName("a child can get from the parent's Queue, blocking until an item comes")
    void childGetsFromQueue() throws Exception {
        ProcessQueue<String> q = ws.queue();
        SharedInt length = ws.sharedInt(0);
        ChildProcess consumer = ws.process("C1", () -> length.set(q.get().length())).start();
        q.put("hello");
        consumer.join();
        assertThat(consumer.exitCode()).isZero();
        assertThat(length.get()).isEqualTo(5);
    }

    @Test
    @DisplayName("a consumer killed while waiting in get() does not take the next item with it")
    void killedConsumerLosesNoItem() throws Exception {
        ProcessQueue<String> q = ws.queue();
        ChildProcess doomed = ws.process("C1", () -> q.get()).start();
        // C1's GET is now pending in its handler, which waits for an item
        assertThat(q.getsReceived.tryAcquire(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<Thread> handlers = q.handlers();
        doomed.terminate();
        doomed.join();
        q.put("survivor"); // the waiting handler takes it, and cannot write it to the dead C1
        for (Thread h : handlers) {
            h.join(); // its connection is gone: it ends after the failed write
        }
        SharedInt length = ws.sharedInt(0);
        ChildProcess heir = ws.process("C2", () -> length.set(q.get().length())).start();
        assertThat(heir.join(Duration.ofSeconds(20))).isTrue();
        assertThat(heir.exitCode()).isZero();
        assertThat(length.get()).isEqualTo("survivor".length());
    }

    @Test
    @DisplayName("a child's get() that is interrupted throws InterruptedException, and the child's next calls still reach the queue")
    void interruptedGetInAChildLeavesTheQueueUsable() throws Exception {
        ProcessQueue<String> q = ws.queue();
        SharedInt interrupt = ws.sharedInt(0);
        SharedInt outcome = ws.sharedInt(0); // 1: InterruptedException, 2: an item, 3: something else
        ChildProcess child = ws.process("C1", () -> {
            Thread getter = new Thread(() -> {
                try {
                    q.get();
                    outcome.set(2);
                } catch (InterruptedException e) {
                    outcome.set(1);
                } catch (Throwable t) {
                    outcome.set(3);
                    t.printStackTrace();
                }
            });
            getter.start();
            interrupt.awaitAtLeast(1, Duration.ofSeconds(30));
            getter.interrupt();
            getter.join();
            q.put("after"); // on the same queue object, from the same process
        }).start();
        // C1's GET is pending in its handler: the getter is blocked reading the reply
        assertThat(q.getsReceived.tryAcquire(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        interrupt.set(1);
        assertThat(q.get(Duration.ofSeconds(10))).isEqualTo("after");
        child.join();
        assertThat(child.exitCode()).withFailMessage("child output: %s", childOutput).isZero();
        assertThat(outcome.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("Pool.map returns results in argument order whatever order workers finish in")
    void poolMapKeepsOrder() throws Exception {
        Pool pool = ws.pool(2);
        List<Integer> args = IntStream.range(0, 12).boxed().toList();
        List<Integer> result = pool.map(MultiprocessingTest::slowSquare, args);
        assertThat(result).isEqualTo(args.stream().map(i -> i * i).toList());
        assertThat(pool.apply(MultiprocessingTest::slowSquare, 7)).isEqualTo(49);
        List<Integer> fromCallback = new ArrayList<>();
        pool.mapAsync(MultiprocessingTest::slowSquare, List.of(2, 3), fromCallback::addAll).get();
        assertThat(fromCallback).containsExactly(4, 9);
        pool.close();
        pool.join();
        assertThat(pool.workers()).allMatch(w -> w.exitCode() == 0);
    }

    static int slowSquare(int i) {
        try {
            Thread.sleep((11 - i % 12) * 2L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return i * i;
    }

    @Test
    @DisplayName("a worker that dies fails its job with its facts, and nothing waits forever")
    void deadWorkerFailsItsJob() throws Exception {
        Pool pool = ws.pool(1);
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::die, 1))
                .isInstanceOfSatisfying(Pool.WorkerDiedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Pool.WorkerDiedException.Reason.WORKER_DIED);
                    assertThat(e.worker()).hasValueSatisfying(w -> {
                        assertThat(w.child()).isEqualTo("W1");
                        assertThat(w.exitCode()).hasValue(9);
                        assertThat(w.how()).isEqualTo(ChildFailedException.How.EXITED);
                    });
                })
                .hasMessageContaining("W1");
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::die, 2))
                .isInstanceOfSatisfying(Pool.WorkerDiedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Pool.WorkerDiedException.Reason.NO_LIVE_WORKER));
    }

    @Test
    @Timeout(30)
    @DisplayName("a job that cannot be serialized fails map() at once, naming the class; bad results and throwing jobs fail only their call")
    void unserializableJobFailsAtOnce() throws Exception {
        Pool pool = ws.pool(1);
        Object notSerializable = new Object();
        assertThatThrownBy(() -> pool.map(i -> i + notSerializable.hashCode(), List.of(1, 2)))
                .isInstanceOfSatisfying(UnserializableException.class,
                        e -> assertThat(e.offendingClass()).isEqualTo("java.lang.Object"))
                .hasMessageContaining("java.lang.Object is not serializable");
        assertThat(pool.map(MultiprocessingTest::slowSquare, List.of(3, 4))).containsExactly(9, 16);
        assertThatThrownBy(() -> pool.apply(i -> new Object(), 1)) // a result that cannot travel back
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::fail, 5))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("IllegalStateException: job 5 failed");
        assertThat(pool.apply(MultiprocessingTest::slowSquare, 6)).isEqualTo(36);
    }

    @Test
    @DisplayName("terminate() then join() returns, and no dispatcher thread is left")
    void terminateThenJoinEndsEveryDispatcher() throws Exception {
        Pool pool = ws.pool(2);
        assertThat(pool.map(MultiprocessingTest::slowSquare, List.of(1, 2))).containsExactly(1, 4);
        pool.terminate(); // both dispatchers are idle in take()
        assertJoinsWithin(Duration.ofSeconds(10), () -> {
            pool.join();
            return null;
        });
        assertThat(pool.dispatchers()).noneMatch(Thread::isAlive);
    }

    @Test
    @DisplayName("closing the workspace terminates its pool: pending jobs fail as TERMINATED and every dispatcher ends")
    void workspaceCloseTerminatesItsPool() throws Exception {
        Workspace own = Workspace.create(line -> { });
        Pool pool = own.pool(1);
        java.util.concurrent.CompletableFuture<Integer> running = pool.applyAsync(MultiprocessingTest::sleepLong, 1, null);
        java.util.concurrent.CompletableFuture<Integer> queued = pool.applyAsync(MultiprocessingTest::sleepLong, 2, null);
        own.close();
        for (Thread dispatcher : pool.dispatchers()) {
            dispatcher.join(Duration.ofSeconds(20).toMillis());
            assertThat(dispatcher.isAlive()).as(dispatcher.getName()).isFalse();
        }
        for (var job : List.of(running, queued)) {
            assertThatThrownBy(job::get).cause().isInstanceOfSatisfying(Pool.WorkerDiedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Pool.WorkerDiedException.Reason.TERMINATED));
        }
    }

    @Test
    @DisplayName("a job submitted while the pool closes either runs or is refused with 'the pool is closed'; none is lost")
    void jobsRacingCloseRunOrAreRefused() throws Exception {
        for (int round = 0; round < 3; round++) {
            Pool pool = ws.pool(1);
            List<java.util.concurrent.CompletableFuture<Integer>> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Throwable> refused = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch submitting = new java.util.concurrent.CountDownLatch(1);
            Thread submitter = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(pool.applyAsync(MultiprocessingTest::slowSquare, 1, null));
                        submitting.countDown();
                    }
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
            });
            submitter.start();
            submitting.await();
            pool.close();
            submitter.join();
            assertThat(refused).singleElement().extracting(Throwable::getMessage).isEqualTo("the pool is closed");
            for (var job : accepted) {
                assertThat(job.get()).isEqualTo(1);
            }
            pool.join();
        }
    }

    @Test
    @DisplayName("a call larger than a frame fails at submit with its size and the limit, and the worker serves on")
    void oversizedCallFailsAtSubmit() throws Exception {
        Pool pool = ws.pool(1);
        byte[] huge = new byte[Frames.MAX_FRAME + (1 << 20)];
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::length, huge))
                .isInstanceOfSatisfying(FrameTooLargeException.class, e -> {
                    assertThat(e.size()).isGreaterThan(huge.length);
                    assertThat(e.limit()).isEqualTo(Frames.MAX_FRAME);
                })
                .hasMessageContaining("[B")
                .hasMessageContaining(Integer.toString(Frames.MAX_FRAME));
        assertThat(pool.apply(MultiprocessingTest::length, new byte[1000])).isEqualTo(1000);
        assertThat(pool.workers()).allMatch(ChildProcess::isAlive);
    }

    @Test
    @DisplayName("a result larger than a frame fails only its call, with its size and the limit, and the worker serves on")
    void oversizedResultFailsOnlyItsCall() throws Exception {
        Pool pool = ws.pool(1);
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::bytes, Frames.MAX_FRAME + 1000))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(FrameTooLargeException.class, e -> {
                    assertThat(e.size()).isGreaterThan(Frames.MAX_FRAME + 1000);
                    assertThat(e.limit()).isEqualTo(Frames.MAX_FRAME);
                });
        assertThat(pool.apply(MultiprocessingTest::length, new byte[1000])).isEqualTo(1000);
        assertThat(pool.workers()).allMatch(ChildProcess::isAlive);
    }

    @Test
    @DisplayName("a live worker that sends a corrupt frame is destroyed, and its job fails as a protocol error")
    void corruptFrameIsAProtocolError() throws Exception {
        Pool pool = ws.pool(1);
        ChildProcess worker = pool.workers().get(0);
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::corruptReply, 1))
                .isInstanceOfSatisfying(Pool.ProtocolException.class, e -> {
                    assertThat(e.worker()).isEqualTo("W1");
                    assertThat(e.pid()).isEqualTo(worker.pid());
                })
                .hasMessageContaining("corrupt frame");
        assertThat(worker.join(Duration.ofSeconds(10))).isTrue();
        assertThat(worker.exitCode()).isEqualTo(128 + 9);
        assertThatThrownBy(() -> pool.apply(MultiprocessingTest::length, new byte[1]))
                .isInstanceOfSatisfying(Pool.WorkerDiedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Pool.WorkerDiedException.Reason.NO_LIVE_WORKER));
    }

    static int length(byte[] bytes) {
        return bytes.length;
    }

    static byte[] bytes(int n) {
        return new byte[n];
    }

    /** Writes a frame header no reply can have on the worker's channel, then returns normally. */
    static int corruptReply(int i) {
        try {
            Child.current().toParent().writeInt(-2);
            Child.current().toParent().flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return i;
    }

    /** Runs {@code action} in a thread and fails unless it returns within {@code bound}; joins the thread either way. */
    private static void assertJoinsWithin(Duration bound, java.util.concurrent.Callable<Void> action) throws Exception {
        List<Throwable> thrown = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try {
                action.call();
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        t.start();
        t.join(bound.toMillis());
        boolean hung = t.isAlive();
        if (hung) {
            t.interrupt();
            t.join();
        }
        assertThat(hung).as("still running after %s", bound).isFalse();
        assertThat(thrown).isEmpty();
    }

    static int sleepLong(int i) {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return i;
    }

    static int fail(int job) {
        throw new IllegalStateException("job " + job + " failed");
    }

    static int die(int code) {
        Runtime.getRuntime().halt(9);
        return code;
    }

    @Test
    @DisplayName("a task that throws makes its child exit with TASK_THREW (not 1, the java launcher's own failure) and show the exception")
    void failingTaskExitsWithItsOwnCode() throws Exception {
        ChildProcess child = ws.process("P1", () -> {
            throw new IllegalStateException("boom");
        }).start();
        child.join();
        assertThat(child.exitCode()).isEqualTo(ChildMain.TASK_THREW).isNotEqualTo(1);
        assertThat(childOutput).contains("[P1] IllegalStateException: boom");
    }

    @Test
    @DisplayName("joinAll stops at the first failed child and throws its facts: name, pid, exit code, how")
    void joinAllThrowsTheFailedChildsFacts() throws Exception {
        List<ChildProcess> threw = Processes.startTogether(ws, List.of("P1", "P2"), List.of(
                () -> {
                    throw new IllegalStateException("boom");
                },
                () -> Thread.sleep(60_000)));
        assertThatThrownBy(() -> Processes.joinAll(threw))
                .isInstanceOfSatisfying(ChildFailedException.class, e -> {
                    assertThat(e.child()).isEqualTo("P1");
                    assertThat(e.pid()).isEqualTo(threw.get(0).pid());
                    assertThat(e.exitCode()).hasValue(ChildMain.TASK_THREW);
                    assertThat(e.how()).isEqualTo(ChildFailedException.How.THREW);
                    assertThat(e.signal()).isEmpty();
                })
                .hasMessage("child P1 (pid " + threw.get(0).pid() + ") exited with code 4 (its task threw)");
        assertThat(threw.get(1).join(Duration.ofSeconds(5))).isTrue(); // terminated by joinAll

        List<ChildProcess> killed = Processes.startTogether(ws, List.of("P3"), List.<Task>of(() -> Thread.sleep(60_000)));
        assertThat(killed.get(0).describe()).matches("P3 \\(pid \\d+\\) running");
        killed.get(0).terminate();
        assertThatThrownBy(() -> Processes.joinAll(killed))
                .isInstanceOfSatisfying(ChildFailedException.class, e -> {
                    assertThat(e.how()).isEqualTo(ChildFailedException.How.KILLED_BY_SIGNAL);
                    assertThat(e.signal()).hasValue(9);
                })
                .hasMessageEndingWith("ended by signal 9 (SIGKILL)");
    }

    @Test
    @DisplayName("a child killed before it read its task fails start() with its facts, and join() then returns")
    void childKilledBeforeItsTaskArrivesCanBeJoined() throws Exception {
        java.util.Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        byte[] ballast = new byte[8 << 20]; // far more than a pipe holds: start() writes until the child reads
        ChildProcess child = ws.process("P1", () -> System.out.println(ballast.length));
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Thread killer = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!started.get() && System.nanoTime() < deadline) {
                ProcessHandle.current().children().filter(p -> !before.contains(p.pid()))
                        // the child JVM itself: not the moment of posix_spawn when the new process is
                        // still a copy of this JVM (its command "java" too), nor the spawn helper;
                        // killing either fails the JDK's own start, not demo's
                        .filter(p -> p.info().commandLine().orElse("").contains(ChildMain.class.getName()))
                        .forEach(ProcessHandle::destroyForcibly);
                Thread.onSpinWait();
            }
        });
        killer.start();
        try {
            assertThatThrownBy(child::start).isInstanceOfSatisfying(ChildFailedException.class,
                    e -> assertThat(e.how()).isEqualTo(ChildFailedException.How.KILLED_BY_SIGNAL));
        } finally {
            started.set(true);
            killer.join();
        }
        child.join();
        assertThat(child.exitCode()).isEqualTo(128 + 9);
    }

    @Test
    @DisplayName("a child's printed lines reach the parent prefixed with its name")
    void childOutputIsPrefixed() throws Exception {
        ChildProcess child = ws.process("P7", () -> System.out.println("Hi")).start();
        child.join();
        assertThat(childOutput).containsExactly("[P7] Hi");
    }

    @Test
    @DisplayName("a grandchild dies within two seconds when its parent JVM is killed")
    void childrenDieWithTheirParent() throws Exception {
        SharedInt grandchildPid = ws.sharedInt(0);
        ChildProcess parent = ws.process("parent", () -> {
            Workspace inner = Workspace.create(line -> { });
            ChildProcess grandchild = inner.process("grandchild", () -> Thread.sleep(60_000)).start();
            grandchildPid.set((int) grandchild.pid());
            Thread.sleep(60_000);
        }).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (grandchildPid.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Optional<ProcessHandle> grandchild = ProcessHandle.of(grandchildPid.get());
        assertThat(grandchild).isPresent();
        ProcessHandle.of(parent.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no hooks run
        parent.join();
        grandchild.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(grandchild.get().isAlive()).isFalse();
        Workspace.create(line -> { }).close(); // sweeps the killed parent's directory
        try (var left = Files.newDirectoryStream(PrivateDirectory.baseDirectory(), "demo-" + parent.pid() + "-*")) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @DisplayName("closing a workspace kills its children and deletes its owner-only directory")
    void closeCleansUp() throws Exception {
        Workspace own = Workspace.create(line -> { });
        Path dir = own.directory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        own.sharedInt(1);
        own.queue();
        ChildProcess sleeper = own.process("P1", () -> Thread.sleep(60_000)).start();
        own.close();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(dir).doesNotExist();
    }
}
