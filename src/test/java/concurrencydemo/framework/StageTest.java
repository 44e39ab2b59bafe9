package concurrencydemo.framework;

import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
}
