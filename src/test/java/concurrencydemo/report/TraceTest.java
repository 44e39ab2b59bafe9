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
        assertThat(lines.get(lines.size() - 1)).endsWith("write 1  <- erased 3 of P1's updates");
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
    @DisplayName("a thread that asked for the lock while the other held it shows its request, then how long it waited")
    void rendersTheWaitForTheLock() {
        List<Event> events = List.of(
                new Event("T1", "ask", 0, 0), new Event("T1", "lock", 0, 1_000),
                new Event("T2", "ask", 0, 5_000), new Event("T1", "read", 0, 6_000),
                new Event("T1", "write", 1, 50_006_000), new Event("T1", "unlock", 0, 50_007_000),
                new Event("T2", "lock", 0, 50_105_000), new Event("T2", "read", 1, 50_106_000),
                new Event("T2", "write", 2, 100_106_000), new Event("T2", "unlock", 0, 100_107_000));
        List<String> lines = Trace.render(events, "x", Texts.of(Language.ENGLISH));
        assertThat(lines).containsExactly(
                "trace: no update of x was lost; its first two updates",
                "  time      T1            T2",
                "  +0us      lock",
                "  +4us                    asks for lock",
                "  +5us      read 0",
                "  +50.0ms   write 1",
                "  +50.0ms   unlock",
                "  +50.1ms                 lock, waited 50.1ms",
                "  +50.1ms                 read 1",
                "  +100.1ms                write 2",
                "  +100.1ms                unlock");
    }

    @Test
    @DisplayName("a stuck run: the waiting thread's request shows, it never gets the lock, and the trace says who held it and threw")
    void rendersAThreadStuckWaitingForTheLock() {
        List<Event> events = List.of(
                new Event("T1", "ask", 0, 0), new Event("T1", "lock", 0, 1_000),
                new Event("T2", "ask", 0, 30_000), new Event("T1", "fail", 0, 50_001_000),
                new Event("T2", "stopped", 0, 600_030_000));
        List<String> lines = Trace.render(events, "x", Texts.of(Language.ENGLISH));
        assertThat(lines).containsExactly(
                "trace: x, every step; T2 asked for the lock and never got it",
                "  time      T1             T2",
                "  +0us      lock",
                "  +29us                    asks for lock",
                "  +50.0ms   update failed",
                "  +600.0ms                 stopped",
                "T2 was stuck waiting for the lock that T1 held: T1's update threw before",
                "it unlocked, and nothing ever unlocked it");
        assertThat(String.join("\n", lines)).doesNotContain("was lost");
    }

    @Test
    @DisplayName("a locked trace shows every process, also one that first asked for the lock after the first two updates")
    void lockedTraceShowsTheWaitingProcess() {
        List<Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long t = i * 1_000_000L;
            events.addAll(List.of(new Event("P2", "ask", 0, t), new Event("P2", "lock", 0, t + 1_000),
                    new Event("P2", "read", i, t + 2_000), new Event("P2", "write", i + 1, t + 300_000),
                    new Event("P2", "unlock", 0, t + 301_000)));
        }
        events.add(new Event("P1", "ask", 0, 2_500_000));
        events.add(new Event("P2", "ask", 0, 2_600_000));
        List<String> lines = Trace.render(events, "the Value", Texts.of(Language.ENGLISH));
        assertThat(lines.get(1)).isEqualTo("  time      P1             P2");
        assertThat(lines).contains("  +2499us   asks for lock").noneMatch(l -> l.contains("never got it"))
                .endsWith("P1 asked for the lock and was still waiting after these steps");
    }

    @Test
    @DisplayName("a thread whose request was granted with no one else's unlock in between did not wait: its row is just lock")
    void noWaitWithoutAnotherUnlock() {
        List<Event> events = List.of(
                new Event("T1", "ask", 0, 0), new Event("T2", "ask", 0, 1_000), new Event("T1", "lock", 0, 2_000),
                new Event("T1", "read", 0, 3_000), new Event("T1", "write", 1, 4_000), new Event("T1", "unlock", 0, 5_000),
                new Event("T2", "lock", 0, 6_000), new Event("T2", "read", 1, 7_000), new Event("T2", "write", 2, 8_000),
                new Event("T2", "unlock", 0, 9_000));
        List<String> lines = Trace.render(events, "x", Texts.of(Language.ENGLISH));
        assertThat(lines).contains("  +2us      lock", "  +6us                     lock, waited 5us");
    }

    @Test
    @DisplayName("a run with one update (the other failed) shows every step, and does not speak of two updates")
    void oneUpdateShowsEveryStep() {
        List<Event> events = List.of(
                new Event("T1", "ask", 0, 0), new Event("T1", "lock", 0, 1_000),
                new Event("T2", "ask", 0, 2_000), new Event("T1", "fail", 0, 50_000_000),
                new Event("T1", "unlock", 0, 50_001_000), new Event("T2", "lock", 0, 50_002_000),
                new Event("T2", "read", 0, 50_003_000), new Event("T2", "write", 1, 100_000_000),
                new Event("T2", "unlock", 0, 100_001_000));
        List<String> lines = Trace.render(events, "x", Texts.of(Language.ENGLISH));
        assertThat(lines.get(0)).isEqualTo("trace: no update of x was lost; every step");
        assertThat(lines).hasSize(2 + 8).contains("  +50.0ms                  lock, waited 50.0ms");
    }

    @Test
    @DisplayName("threads --trace prints the steps of the racy and the locked run, and says in one line why count++ has none")
    void threadsTrace() {
        Result r = Cli.run("threads", "--trace", "--window", "5ms");
        assertThat(r.out()).contains("trace: ", "read 0", "write 1", "lock", "unlock");
        // the count++ variants: millions of steps, not recorded, and the line says so, once each
        assertThat(r.out().lines().filter(l -> l.matches("  # trace: too many steps to record \\(\\d+ a thread\\);"
                + " see Racy and Locked"))).hasSize(3);
    }

    @Test
    @DisplayName("race-condition --trace records the processes' steps in shared memory")
    void processTrace() {
        Result r = Cli.run("race-condition", "--trace", "--format", "json");
        assertThat(r.out()).contains("trace: ", "P1", "P2", "write 1");
    }
}
