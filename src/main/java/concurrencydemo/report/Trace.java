package concurrencydemo.report;

import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Who read, wrote, locked and unlocked what, and when: recorded while a program runs (with
 * {@code --trace}), then rendered as the interleaving that lost the first update, one column per
 * thread or process, in the manner of Lincheck's traces.
 *
 * <p>Recording is one synchronized append, cheap next to the read-modify-write window, so the race
 * still shows. Thread-safe.
 */
public final class Trace {
    /** One step of one thread or process; {@code order} is the order of recording. */
    public record Event(String actor, String op, int value, long nanos) {
        String text(Texts texts) {
            return texts.format("trace.op." + op, value);
        }
    }

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    public void record(String actor, String op, int value) {
        events.add(new Event(actor, op, value, System.nanoTime()));
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /**
     * The lines that show the first lost update (a write based on a value read before another
     * actor's writes, which it erases: one, or many), or, when none was lost, the first two whole
     * updates.
     */
    public static List<String> render(List<Event> events, String what, Texts texts) {
        if (events.isEmpty()) {
            return List.of(texts.format("trace.nothing"));
        }
        // the first stale write: a write no higher than the last value another actor wrote, which
        // erases every update since the one it was based on
        int lostAt = -1;
        int from = 0;
        String lostActor = null;
        int erased = 0;
        int lastWrite = -1;
        for (int j = 0; j < events.size() && lostAt < 0; j++) {
            Event w2 = events.get(j);
            if (!w2.op().equals("write")) {
                continue;
            }
            if (lastWrite >= 0) {
                Event w1 = events.get(lastWrite);
                if (!w1.actor().equals(w2.actor()) && w1.value() >= w2.value()) {
                    lostAt = j;
                    lostActor = w1.actor();
                    erased = w1.value() - w2.value() + 1;
                    from = Math.min(lastRead(events, w1.actor(), lastWrite), lastRead(events, w2.actor(), j));
                }
            }
            lastWrite = j;
        }
        List<String> lines = new ArrayList<>();
        int to;
        if (lostAt >= 0) {
            lines.add(texts.format("trace.firstLost", what));
            to = lostAt;
        } else {
            lines.add(texts.format("trace.noneLost", what));
            to = endOfSecondUpdate(events);
        }
        List<Event> shown = events.subList(from, to + 1);
        List<String> actors = new ArrayList<>(new TreeSet<>(shown.stream().map(Event::actor).toList()));
        // the time, then one column per actor, each step in its actor's column
        Table table = Table.indented("  ").left("").widen(0, 10);
        List<String> head = new ArrayList<>(List.of(texts.format("trace.time")));
        for (int i = 0; i < actors.size(); i++) {
            table.left("").widen(1 + i, 14);
            head.add(actors.get(i));
        }
        lines.add(table.row(head));
        long t0 = shown.get(0).nanos();
        for (int k = 0; k < shown.size(); k++) {
            Event e = shown.get(k);
            List<String> cells = new ArrayList<>(List.of(since(e.nanos() - t0)));
            for (String a : actors) {
                cells.add(a.equals(e.actor()) ? e.text(texts) : "");
            }
            String text = table.row(cells);
            if (lostAt >= 0 && from + k == lostAt) {
                text += "  <- " + (erased == 1 ? texts.format("trace.lostOne", lostActor)
                        : texts.format("trace.lostMany", erased, lostActor));
            }
            lines.add(text);
        }
        return lines;
    }

    /** {@code +12us} below 10 ms, {@code +50.1ms} above. */
    static String since(long nanos) {
        // processes read one clock, but a step's time is read just after the step: a process
        // descheduled in between can show a step a little before the one recorded ahead of it
        String sign = nanos < 0 ? "-" : "+";
        long micros = Math.abs(nanos) / 1000;
        return micros < 10_000 ? sign + micros + "us" : String.format(Locale.ROOT, "%s%.1fms", sign, micros / 1000.0);
    }

    private static int lastRead(List<Event> events, String actor, int before) {
        for (int i = before; i >= 0; i--) {
            Event e = events.get(i);
            if (e.actor().equals(actor) && (e.op().equals("read") || e.op().equals("lock"))) {
                if (e.op().equals("read") && i > 0 && events.get(i - 1).actor().equals(actor)
                        && events.get(i - 1).op().equals("lock")) {
                    return i - 1;
                }
                return i;
            }
        }
        return 0;
    }

    private static int endOfSecondUpdate(List<Event> events) {
        int writes = 0;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.op().equals("write") && ++writes == 2) {
                boolean unlockFollows = i + 1 < events.size() && events.get(i + 1).op().equals("unlock")
                        && events.get(i + 1).actor().equals(e.actor());
                return unlockFollows ? i + 1 : i;
            }
        }
        return events.size() - 1;
    }
}
