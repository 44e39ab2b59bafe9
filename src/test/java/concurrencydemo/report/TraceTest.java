package concurrencydemo.report;

import concurrencydemo.Cli;
import concurrencydemo.Cli.Result;
import concurrencydemo.report.Trace.Event;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class TraceTest {

    @Test
    @DisplayName("a recorded interleaving with two writes of 42 after two reads of 41 is shown as P1's lost update")
    void rendersTheFirstLostUpdate() {
        List<Event> events = List.of(
                new Event("P1", "read", 41, 0),
                new Event("P2", "read", 41, 1_000),
                new Event("P1", "write", 42, 200_000),
                new Event("P2", "write", 42, 201_000),
                new Event("P1", "read", 42, 202_000));
        List<String> lines = Trace.render(events, "the Value", Texts.of(Language.ENGLISH));
        assertThat(lines).containsExactly(
                "trace: the first lost update of the Value, step by step",
                "  time      P1            P2",
                "  +0us      read 41",
                "  +1us                    read 41",
                "  +200us    write 42",
                "  +201us                  write 42  <- P1's update lost");
    }

    @Test
    @DisplayName("one stale write that erases several updates says how many")
    void staleWriteErasingManyUpdates() {
        List<Trace.Event> events = List.of(
                new Trace.Event("P2", "read", 0, 0),
                new Trace.Event("P1", "read", 0, 1_000),
                new Trace.Event("P1", "write", 1, 2_000),
                new Trace.Event("P1", "read", 1, 3_000),
                new Trace.Event("P1", "write", 2, 4_000),
                new Trace.Event("P1", "read", 2, 5_000),
                new Trace.Event("P1", "write", 3, 6_000),
                new Trace.Event("P2", "write", 1, 7_000));
        List<String> lines = Trace.render(events, "the Value", Texts.of(Language.ENGLISH));
        assertThat(lines.get(0)).isEqualTo("trace: the first lost update of the Value, step by step");
        assertThat(lines.get(lines.size() - 1)).endsWith("write 1  <- this stale write erased 3 updates (P1's)");
        assertThat(lines).hasSize(2 + events.size());
    }

    @Test
    @DisplayName("a locked run's trace shows lock and unlock keeping the two updates apart")
    void rendersLockedUpdates() {
        List<Event> events = List.of(
                new Event("T1", "lock", 0, 0), new Event("T1", "read", 0, 1_000),
                new Event("T1", "write", 1, 2_000), new Event("T1", "unlock", 0, 3_000),
                new Event("T2", "lock", 0, 4_000), new Event("T2", "read", 1, 5_000),
                new Event("T2", "write", 2, 6_000), new Event("T2", "unlock", 0, 7_000));
        List<String> lines = Trace.render(events, "x", Texts.of(Language.ENGLISH));
        assertThat(lines.get(0)).contains("no update of x was lost");
        assertThat(lines).hasSize(10).last().asString().contains("unlock");
    }

    @Test
    @DisplayName("threads --trace prints the steps of the racy and the locked run")
    void threadsTrace() {
        Result r = Cli.run("threads", "--trace", "--window", "5ms");
        assertThat(r.out()).contains("trace: ", "read 0", "write 1", "lock", "unlock");
    }

    @Test
    @DisplayName("race-condition --trace records the processes' steps in shared memory")
    void processTrace() {
        Result r = Cli.run("race-condition", "--trace", "--format", "json");
        assertThat(r.out()).contains("trace: ", "P1", "P2", "write 1");
    }
}
