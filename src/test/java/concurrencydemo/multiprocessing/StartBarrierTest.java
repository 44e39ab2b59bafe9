package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start barrier's contract, clause by clause (its parties here are threads of one JVM). */
@Timeout(30)
class StartBarrierTest {

    @Test
    @DisplayName("arrive returns true once every party has arrived")
    void arriveReturnsWhenAllHaveArrived() throws Exception {
        try (Workspace ws = Workspace.create(line -> { })) {
            StartBarrier start = ws.startBarrier(2);
            AtomicBoolean other = new AtomicBoolean();
            Thread t = new Thread(() -> {
                try {
                    other.set(start.arrive(Duration.ofSeconds(20)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            assertThat(start.arrive(Duration.ofSeconds(20))).isTrue();
            t.join();
            assertThat(other).isTrue();
            assertThat(start.isBroken()).isFalse();
            assertThat(start).hasToString("2 of 2 arrived");
            // once all have arrived, a time-out or an interrupt can no longer break it
            Thread.currentThread().interrupt();
            assertThat(start.arrive(Duration.ZERO)).isTrue();
            assertThat(Thread.interrupted()).isTrue();
            assertThat(start.isBroken()).isFalse();
        }
    }

    @Test
    @DisplayName("a party that waits its time-out in vain breaks the barrier; a later one returns false at once")
    void aTimeOutBreaksTheBarrierForEveryone() throws Exception {
        try (Workspace ws = Workspace.create(line -> { })) {
            StartBarrier start = ws.startBarrier(3);
            assertThat(start.arrive(Duration.ofMillis(50))).isFalse();
            assertThat(start.isBroken()).isTrue();
            long before = System.nanoTime();
            assertThat(start.arrive(Duration.ofSeconds(20))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
            assertThat(start).hasToString("2 of 3 arrived, broken");
            assertThatThrownBy(() -> start.await(Duration.ofSeconds(20)))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessage("the start barrier broke: a process gave up waiting; 3 of 3 have reached it");
        }
    }

    @Test
    @DisplayName("a waiting party is interrupted with InterruptedException, and that breaks the barrier for the others")
    void anInterruptBreaksTheBarrier() throws Exception {
        try (Workspace ws = Workspace.create(line -> { })) {
            StartBarrier start = ws.startBarrier(2);
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread t = new Thread(() -> {
                try {
                    start.arrive(Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            });
            t.start();
            while (start.arrived() == 0) {
                Thread.onSpinWait();
            }
            t.interrupt();
            t.join();
            assertThat(interrupted).isTrue();
            assertThat(start.isBroken()).isTrue();
            assertThat(start.arrive(Duration.ofSeconds(20))).isFalse();
        }
    }

    @Test
    @DisplayName("a barrier needs at least one party")
    void atLeastOneParty() throws Exception {
        try (Workspace ws = Workspace.create(line -> { })) {
            assertThatThrownBy(() -> ws.startBarrier(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
