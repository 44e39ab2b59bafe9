package concurrencydemo.cli;

import concurrencydemo.framework.ExitCode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencydemo.Cli;
import concurrencydemo.Cli.Result;
import concurrencydemo.Leftovers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class TrialsTest {

    private static JsonArray variants(Result r) {
        return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("variants");
    }

    private static int histogramTotal(JsonObject trials) {
        int sum = 0;
        for (JsonElement row : trials.getAsJsonArray("histogram")) {
            sum += row.getAsJsonObject().get("count").getAsInt();
        }
        return sum;
    }

    @Test
    @DisplayName("threads --trials 40: every variant's histogram adds up to 40, fixed variants never wrong")
    void threadHistogramsAddUp() {
        Result r = Cli.run("threads", "--trials", "40", "--window", "1ms", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        for (JsonElement e : variants(r)) {
            JsonObject v = e.getAsJsonObject();
            JsonObject trials = v.getAsJsonObject("trials");
            assertThat(trials.get("trials").getAsInt()).isEqualTo(40);
            assertThat(histogramTotal(trials)).isEqualTo(40);
            if (v.get("role").getAsString().equals("fixed")) {
                assertThat(trials.get("wrong").getAsInt()).isZero();
            }
        }
    }

    @Test
    @DisplayName("race-condition --trials 30 runs in children started once: Locked is right in all 30")
    void processTrialsKeepTheirChildren() {
        Result r = Cli.run("race-condition", "--trials", "30", "--window", "0", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        JsonObject locked = variants(r).get(1).getAsJsonObject().getAsJsonObject("trials");
        assertThat(histogramTotal(locked)).isEqualTo(30);
        assertThat(locked.get("wrong").getAsInt()).isZero();
        JsonObject racy = variants(r).get(0).getAsJsonObject().getAsJsonObject("trials");
        assertThat(histogramTotal(racy)).isEqualTo(30);
        assertThat(racy.getAsJsonObject("lostUpdates").get("max").getAsLong()).isBetween(0L, 799L);
    }

    @Test
    @DisplayName("queues and pools --trials 5 run in children started once: histograms add up, fixed never wrong")
    void queueAndPoolTrials() {
        for (String lesson : new String[] {"queues", "pools"}) {
            Result r = Cli.run(lesson, "--trials", "5", "--format", "json");
            assertThat(r.exitCode()).withFailMessage("%s: %s", lesson, r.err()).isEqualTo(ExitCode.OK);
            for (JsonElement e : variants(r)) {
                JsonObject v = e.getAsJsonObject();
                JsonObject trials = v.getAsJsonObject("trials");
                assertThat(histogramTotal(trials)).isEqualTo(5);
                if (v.get("role").getAsString().equals("fixed")) {
                    assertThat(trials.get("wrong").getAsInt()).isZero();
                }
            }
        }
    }

    @Test
    @DisplayName("text trials show each fixed variant beside the racy one, with the wrong rows and their share")
    void textTrialsTable() {
        Result r = Cli.run("threads", "--trials", "10", "--window", "1ms");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Trials: Unjoined vs Joined (10 each)", "Trials: Racy vs Locked (10 each)",
                "wrong in 0 of 10 trials", "lost updates");
        assertThat(r.err()).isEmpty(); // no progress bar when stderr is not a terminal
    }

    @Test
    @DisplayName("long runs of trials leak no threads, no file descriptors and no child processes")
    void longRunsLeakNothing() throws Exception {
        Cli.run("threads", "--trials", "20", "--window", "0");
        Cli.run("race-condition", "--trials", "20", "--window", "0");
        // after the warm-up: what it started for good (the JIT's threads, say) is not a leak
        Leftovers started = Leftovers.snapshot();
        long fdsBefore = openFileDescriptors();
        // a leak of one thread, descriptor or process a trial would show many times over
        Result t = Cli.run("threads", "--trials", "50", "--window", "0");
        Result p = Cli.run("race-condition", "--trials", "150", "--window", "0");
        assertThat(t.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(p.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(started.threads()).hasSizeLessThanOrEqualTo(2);
        assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 5);
        assertThat(started.processes(Duration.ofSeconds(2))).isEmpty();
    }

    private static long openFileDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count();
        }
    }
}
