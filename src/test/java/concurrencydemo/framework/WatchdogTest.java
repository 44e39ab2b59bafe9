package concurrencydemo.framework;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class WatchdogTest {

    @Test
    @DisplayName("something that finishes in time is reported finished")
    void finishedInTime() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Thread worker = new Thread(done::countDown);
        worker.start();
        assertThat(Watchdog.join(worker, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    @DisplayName("something that never finishes is given up on once the bound has run")
    void neverFinishes() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        boolean finished = Watchdog.await(nanos -> never.await(nanos, java.util.concurrent.TimeUnit.NANOSECONDS),
                Duration.ofMillis(100), null);
        assertThat(finished).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    @DisplayName("a wait that took far longer than asked (the JVM was suspended) counts as its asked length only")
    void suspendedTimeIsNotCharged() throws Exception {
        AtomicInteger waits = new AtomicInteger();
        AtomicLong charged = new AtomicLong();
        // the first wait 'takes' two seconds, as if the process had been stopped with Ctrl-Z meanwhile
        boolean finished = Watchdog.await(nanos -> {
            charged.addAndGet(nanos);
            if (waits.incrementAndGet() == 1) {
                Thread.sleep(2_000);
                return false;
            }
            return waits.get() >= 3; // finishes soon after it runs again
        }, Duration.ofSeconds(1), null);
        assertThat(finished).isTrue();
    }

    @Test
    @DisplayName("with a progress counter the bound is per step: many steps may take far longer than one bound")
    void boundIsPerStep() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        long start = System.nanoTime();
        boolean finished = Watchdog.await(nanos -> {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
            steps.incrementAndGet(); // one step every wait: never stuck
            return Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(400)) > 0;
        }, Duration.ofMillis(100), steps::get);
        assertThat(finished).isTrue();
    }
}
