package concurrencydemo.framework;

import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Texts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class LessonWatchdogTest {

    @Test
    @DisplayName("joinOrStop names the thread blocked on a lock, interrupts it, and joins it")
    void joinOrStopStopsTheBlockedThread() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> shown = new CopyOnWriteArrayList<>();
        try (Stage stage = new Stage(shown::add, Texts.of(Language.ENGLISH), null)) {
            Thread holder = stage.thread("T1", () -> {
                lock.lock();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // stopped
                } finally {
                    lock.unlock();
                }
            });
            Thread waiter = stage.thread("T2", () -> {
                try {
                    lock.lockInterruptibly();
                    lock.unlock();
                } catch (InterruptedException stopped) {
                    // the watchdog's doing
                }
            });
            holder.start();
            held.await();
            waiter.start();
            while (!lock.hasQueuedThread(waiter)) { // the waiter is blocked in lockInterruptibly()
                Thread.onSpinWait();
            }
            List<Message> stopped = stage.watchdog().joinOrStop(Duration.ofMillis(200), waiter);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(stopped).extracting(Texts.of(Language.ENGLISH)::format)
                    .containsExactly("T2 is waiting for a ReentrantLock held by T1");
            // a note wraps within 80 columns, under itself
            assertThat(shown).containsSubsequence("# watchdog: after 200ms, T2 is waiting for a ReentrantLock held by T1;",
                    "#   stopping it");
            release.countDown();
            holder.join();
        }
    }

    @Test
    @DisplayName("awaitOrGiveUp gives up on a wait that never ends, says so on the stage, and returns at once on one that ends")
    void awaitOrGiveUpSaysWhatMainWaitsIn() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        try (Stage stage = new Stage(shown::add, Texts.of(Language.ENGLISH), null)) {
            CountDownLatch never = new CountDownLatch(1);
            assertThat(stage.watchdog().awaitOrGiveUp(Duration.ofMillis(100),
                    nanos -> never.await(nanos, TimeUnit.NANOSECONDS), "q.join()")).isFalse();
            assertThat(shown).hasSize(1).allMatch(line -> line.startsWith("# ") && line.contains("q.join()"));
            CountDownLatch done = new CountDownLatch(0);
            assertThat(stage.watchdog().awaitOrGiveUp(Duration.ofSeconds(20),
                    nanos -> done.await(nanos, TimeUnit.NANOSECONDS), "q.join()")).isTrue();
            assertThat(shown).hasSize(1);
        }
    }
}
