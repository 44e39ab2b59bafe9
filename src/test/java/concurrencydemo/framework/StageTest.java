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
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class StageTest {

    @Test
    @DisplayName("after close a stage shows nothing more, starts no thread and takes no resource")
    void closedStageRefusesEverything() {
        List<String> shown = new CopyOnWriteArrayList<>();
        Stage stage = new Stage(shown::add, Texts.of(Language.ENGLISH), null);
        stage.println("before");
        stage.close();
        stage.println("after");
        assertThat(shown).containsExactly("before");
        assertThat(stage.transcript()).containsExactly("before");
        assertThatThrownBy(() -> stage.thread("T1", () -> { })).isInstanceOf(IllegalStateException.class);
        boolean[] closed = {false};
        assertThatThrownBy(() -> stage.track(() -> closed[0] = true)).isInstanceOf(IllegalStateException.class);
        assertThat(closed[0]).withFailMessage("a resource refused by a closed stage is closed at once").isTrue();
        stage.close(); // twice is harmless
    }

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
            List<Message> stopped = stage.joinOrStop(Duration.ofMillis(200), waiter);
            assertThat(waiter.isAlive()).isFalse();
            assertThat(stopped).extracting(Texts.of(Language.ENGLISH)::format)
                    .containsExactly("T2 is waiting for a ReentrantLock held by T1");
            assertThat(shown).contains("# watchdog: after 200ms, T2 is waiting for a ReentrantLock held by T1; stopping it");
            release.countDown();
            holder.join();
        }
    }
}
