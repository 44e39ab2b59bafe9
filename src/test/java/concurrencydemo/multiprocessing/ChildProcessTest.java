package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A child's word that it has begun its task: told to its parent, shown to no one. */
@Timeout(60)
class ChildProcessTest {

    @Test
    @DisplayName("taskBegun is false until the child runs its task, then true; the child's word is not in its output")
    void taskBegunOnceTheTaskRuns() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        try (Workspace ws = Workspace.create(output::add)) {
            SharedInt running = ws.sharedInt(0);
            SharedInt release = ws.sharedInt(0);
            ChildProcess child = ws.process("P1", () -> {
                System.out.println("hello");
                running.set(1);
                release.awaitAtLeast(1, Duration.ofSeconds(30));
            });
            assertThat(child.taskBegun()).isFalse();
            child.start();
            assertThat(running.awaitAtLeast(1, Duration.ofSeconds(30))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!child.taskBegun() && System.nanoTime() < deadline) {
                Thread.sleep(5); // the parent's pump reads the child's word a moment after it was written
            }
            assertThat(child.taskBegun()).isTrue();
            release.set(1);
            child.join();
            assertThat(child.exitCode()).isZero();
            assertThat(child.taskBegun()).isTrue();
            assertThat(output).containsExactly("[P1] hello");
        }
    }

    @Test
    @DisplayName("a child's line without an end is kept only up to MAX_LINE, marked cut; the next line is whole")
    void longLinesAreCut() throws Exception {
        String text = "x".repeat(5_000_000) + "\r\nnext\r\nlast";
        java.io.Reader in = new java.io.StringReader(text);
        String first = ChildProcess.boundedLine(in);
        assertThat(first).hasSize(ChildProcess.MAX_LINE + 2).endsWith(" \u2026");
        assertThat(ChildProcess.boundedLine(in)).isEqualTo("next");
        assertThat(ChildProcess.boundedLine(in)).isEqualTo("last");
        assertThat(ChildProcess.boundedLine(in)).isNull();
        assertThat(ChildProcess.boundedLine(new java.io.StringReader("\n"))).isEmpty();
    }
}
