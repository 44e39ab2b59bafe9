package concurrencydemo.framework;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a thread is, as facts: what it waits for, by the names a student knows. */
@Timeout(30)
class DiagnosisTest {

    @Test
    @DisplayName("a thread waiting for a held ReentrantLock: the lock by its class's name, and its holder")
    void waitingForAHeldLock() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException ignored) {
                // ends the test's hold
            } finally {
                lock.unlock();
            }
        }, "T1");
        Thread waiter = new Thread(() -> {
            lock.lock();
            lock.unlock();
        }, "T2");
        holder.start();
        held.await();
        waiter.start();
        try {
            while (!lock.hasQueuedThread(waiter)) {
                Thread.onSpinWait();
            }
            Diagnosis.ThreadState state = Diagnosis.of(waiter, "worker");
            assertThat(state).isEqualTo(new Diagnosis.ThreadState("worker",
                    Diagnosis.Activity.WAITING_FOR_HELD_LOCK, "ReentrantLock", "T1"));
            assertThat(state.activity().namesWhatItWaitsFor()).isTrue();
            assertThat(state.words().args()).containsExactly("worker", "ReentrantLock", "T1");
        } finally {
            release.countDown();
            holder.join();
            waiter.join();
        }
    }

    @Test
    @DisplayName("a thread in join() waits for a thread; one not started, or ended, says so")
    void joiningNotStartedAndFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // ends it
            }
        }, "T1");
        assertThat(Diagnosis.of(sleeper).activity()).isEqualTo(Diagnosis.Activity.NOT_STARTED);
        sleeper.start();
        Thread joiner = new Thread(() -> {
            try {
                sleeper.join();
            } catch (InterruptedException ignored) {
                // ends it
            }
        }, "main");
        joiner.start();
        try {
            while (joiner.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertThat(Diagnosis.of(joiner).activity()).isEqualTo(Diagnosis.Activity.WAITING_FOR_THREAD);
        } finally {
            release.countDown();
            joiner.join();
        }
        assertThat(Diagnosis.of(sleeper).activity()).isEqualTo(Diagnosis.Activity.FINISHED);
    }

    @Test
    @DisplayName("a thread in Process.waitFor() waits for a child process, on every JDK (17: a monitor; 25: a lock's condition)")
    void waitingForAChildProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        Thread waiter = new Thread(() -> {
            try {
                sleeper.waitFor();
            } catch (InterruptedException ignored) {
                // ends it
            }
        }, "main");
        waiter.start();
        try {
            while (!(waiter.getState() == Thread.State.WAITING || waiter.getState() == Thread.State.TIMED_WAITING)) {
                Thread.onSpinWait();
            }
            assertThat(Diagnosis.of(waiter)).isEqualTo(new Diagnosis.ThreadState("main",
                    Diagnosis.Activity.WAITING_FOR_CHILD, null, null));
        } finally {
            sleeper.destroyForcibly();
            waiter.join();
        }
    }

    @Test
    @DisplayName("a monitor is named as Java writes its type (byte[], not [B), with the right article; a Condition's await names no lock")
    void monitorsAndConditionsInAStudentsWords() throws Exception {
        byte[] bytes = new byte[1];
        Object plain = new Object();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (bytes) {
                synchronized (plain) {
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // ends the test's hold
                    }
                }
            }
        }, "T1");
        Thread onBytes = new Thread(() -> {
            synchronized (bytes) {
                bytes[0]++;
            }
        }, "T2");
        Thread onPlain = new Thread(() -> {
            synchronized (plain) {
                plain.notifyAll();
            }
        }, "T3");
        ReentrantLock lock = new ReentrantLock();
        java.util.concurrent.locks.Condition signalled = lock.newCondition();
        Thread awaiting = new Thread(() -> {
            lock.lock();
            try {
                signalled.await();
            } catch (InterruptedException ignored) {
                // ends it
            } finally {
                lock.unlock();
            }
        }, "T4");
        holder.start();
        held.await();
        onBytes.start();
        onPlain.start();
        awaiting.start();
        try {
            for (Thread t : java.util.List.of(onBytes, onPlain)) {
                while (t.getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait();
                }
            }
            while (awaiting.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            Diagnosis.ThreadState bytesState = Diagnosis.of(onBytes);
            assertThat(bytesState.lock()).isEqualTo("byte[]");
            assertThat(bytesState.words().key()).isEqualTo("thread.waitingForHeld");
            Diagnosis.ThreadState plainState = Diagnosis.of(onPlain);
            assertThat(plainState.lock()).isEqualTo("Object");
            assertThat(plainState.words().key()).isEqualTo("thread.waitingForHeldAn");
            assertThat(Diagnosis.of(awaiting).activity()).isEqualTo(Diagnosis.Activity.WAITING);
            assertThat(Diagnosis.arrayType("[[Ljava.lang.String;")).isEqualTo("String[][]");
        } finally {
            release.countDown();
            awaiting.interrupt();
            for (Thread t : java.util.List.of(holder, onBytes, onPlain, awaiting)) {
                t.join();
            }
        }
    }
}
