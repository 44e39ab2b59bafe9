package concurrencydemo.report;

import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Who read, wrote, asked for, locked and unlocked what, and when: recorded while a program runs
 * (with {@code --trace}), then rendered as the interleaving that lost the first update, one column
 * per thread or process, in the manner of Lincheck's traces.
 *
 * <p>The steps ({@link Event#op}): {@code read} and {@code write} of the shared value (with the
 * value), {@code ask} (asked for the lock), {@code lock} (got it), {@code unlock}, {@code fail}
 * (an update threw) and {@code stopped} (stopped while it waited for the lock). A thread that asks
 * and gets the lock with no step of another between is shown as one {@code lock} row; a thread
 * that waited for another to unlock shows its {@code ask} row, and its {@code lock} row says how
 * long it waited.
 *
 * <p>Recording is one synchronized append, cheap next to the read-modify-write window, so the race
 * still shows. Thread-safe.
 */
public final class Trace {
    /** Steps that are not lines of a table: a tail line is wrapped to this many columns. */
    private static final int TAIL_WIDTH = 74;

    /** One step of one thread or process, in the order recorded; {@code nanos} is when, by {@link System#nanoTime}. */
    public record Event(String actor, String op, int value, long nanos) {
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
     * The lines that show, by what the steps say happened: a thread that asked for the lock and
     * never got it (every step, and who held the lock); or the first lost update (a write based on
     * a value read before another actor's writes, which it erases: one, or many); or, when none was
     * lost, the first two whole updates (every step when there were fewer).
     */
    public static List<String> render(List<Event> events, String what, Texts texts) {
        if (events.isEmpty()) {
            return List.of(texts.format("trace.nothing"));
        }
        List<String> lines = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        List<String> neverGot = neverGotTheLock(events);
        Lost lost = neverGot.isEmpty() ? firstLost(events) : null;
        int from = 0;
        int to = events.size() - 1;
        if (!neverGot.isEmpty()) {
            lines.add(texts.format("trace.stuck", what, String.join(texts.format("list.separator"), neverGot)));
            for (String waiting : neverGot) {
                String holder = holder(events, waiting);
                tail.add(holder == null ? texts.format("trace.stuck.free", waiting)
                        : threwHolding(events, holder) ? texts.format("trace.stuck.threw", waiting, holder)
                        : texts.format("trace.stuck.held", waiting, holder));
            }
        } else if (lost != null) {
            lines.add(texts.format("trace.firstLost", what));
            from = lost.from;
            to = lost.at;
        } else if (writes(events) >= 2) {
            lines.add(texts.format("trace.noneLost", what));
            to = endOfSecondUpdate(events);
            // every thread or process shows, the one that waited for the lock too
            for (String actor : actors(events)) {
                to = Math.max(to, firstStep(events, actor));
            }
        } else {
            lines.add(texts.format("trace.noneLostAll", what));
        }
        List<Event> shown = events.subList(from, to + 1);
        List<String> actors = actors(shown);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        long t0 = 0;
        for (int k = 0; k < shown.size(); k++) {
            int i = from + k;
            Event e = shown.get(k);
            if (e.op().equals("ask") && k + 1 < shown.size() && sameStep(events.get(i + 1), e.actor(), "lock")) {
                continue; // asked and got it, no one else in between: one row, "lock"
            }
            t0 = at.isEmpty() ? e.nanos() : t0; // times from the first row shown
            List<String> cells = new ArrayList<>(List.of(since(e.nanos() - t0)));
            for (String a : actors) {
                cells.add(a.equals(e.actor()) ? text(events, i, texts) : "");
            }
            rows.add(cells);
            at.add(i);
        }
        // the time, then one column per actor, each step in its actor's column
        Table table = Table.indented("  ").left("").widen(0, 10);
        List<String> head = new ArrayList<>(List.of(texts.format("trace.time")));
        for (int i = 0; i < actors.size(); i++) {
            table.left("  ").widen(1 + i, 12);
            head.add(actors.get(i));
        }
        table.fit(head);
        rows.forEach(table::fit);
        lines.add(table.row(head));
        for (int r = 0; r < rows.size(); r++) {
            String text = table.row(rows.get(r));
            if (lost != null && at.get(r) == lost.at) {
                text += "  <- " + (lost.erased == 1 ? texts.format("trace.lostOne", lost.actor)
                        : texts.format("trace.lostMany", lost.erased, lost.actor));
            }
            lines.add(text);
        }
        if (neverGot.isEmpty()) {
            for (String actor : actors) {
                if (stillWaiting(events, from, to, actor)) {
                    tail.add(texts.format("trace.stillWaiting", actor));
                }
            }
        }
        for (String line : tail) {
            lines.addAll(Width.wrap(line, TAIL_WIDTH));
        }
        return lines;
    }

    /** Step {@code i} in words: a lock got after an ask with another's step between says how long it waited. */
    private static String text(List<Event> events, int i, Texts texts) {
        Event e = events.get(i);
        if (e.op().equals("lock")) {
            int ask = i - 1;
            while (ask >= 0 && !events.get(ask).actor().equals(e.actor())) {
                ask--;
            }
            if (ask >= 0 && events.get(ask).op().equals("ask") && unlockedBetween(events, ask, i, e.actor())) {
                // it waited for another to unlock: from its request to its lock
                return texts.format("trace.op.lockAfter", since(e.nanos() - events.get(ask).nanos()).substring(1));
            }
        }
        return texts.format("trace.op." + e.op(), e.value());
    }

    /** Whether an actor other than {@code actor} unlocked between steps {@code from} and {@code to}. */
    private static boolean unlockedBetween(List<Event> events, int from, int to, String actor) {
        for (int i = from + 1; i < to; i++) {
            if (events.get(i).op().equals("unlock") && !events.get(i).actor().equals(actor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameStep(Event e, String actor, String op) {
        return e.actor().equals(actor) && e.op().equals(op);
    }

    private static List<String> actors(List<Event> events) {
        return new ArrayList<>(new TreeSet<>(events.stream().map(Event::actor).toList()));
    }

    private static int firstStep(List<Event> events, String actor) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).actor().equals(actor)) {
                return i;
            }
        }
        return 0;
    }

    private static int writes(List<Event> events) {
        return (int) events.stream().filter(e -> e.op().equals("write")).count();
    }

    /**
     * The actors that were stopped while they waited for the lock, in the order they asked: their
     * last request was never granted. (A trace that merely ends on a request, one cut short, says
     * nothing of the kind.)
     */
    private static List<String> neverGotTheLock(List<Event> events) {
        List<String> waiting = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (Event e : events) {
            if (e.op().equals("ask") && !waiting.contains(e.actor())) {
                waiting.add(e.actor());
            } else if (e.op().equals("lock")) {
                waiting.remove(e.actor());
            } else if (e.op().equals("stopped") && waiting.contains(e.actor()) && !stopped.contains(e.actor())) {
                stopped.add(e.actor());
            }
        }
        return waiting.stream().filter(stopped::contains).toList();
    }

    /** Who held the lock at the end, other than {@code waiting}: who locked last and never unlocked since. */
    private static String holder(List<Event> events, String waiting) {
        String holder = null;
        for (Event e : events) {
            if (e.op().equals("lock") && !e.actor().equals(waiting)) {
                holder = e.actor();
            } else if (e.op().equals("unlock") && e.actor().equals(holder)) {
                holder = null;
            }
        }
        return holder;
    }

    /** Whether {@code holder}'s update failed after it last took the lock. */
    private static boolean threwHolding(List<Event> events, String holder) {
        boolean threw = false;
        for (Event e : events) {
            if (e.actor().equals(holder)) {
                threw = e.op().equals("lock") ? false : threw || e.op().equals("fail");
            }
        }
        return threw;
    }

    /** Whether {@code actor} asked for the lock among steps from..to and had not got it by {@code to}. */
    private static boolean stillWaiting(List<Event> events, int from, int to, String actor) {
        boolean waiting = false;
        for (int i = from; i <= to; i++) {
            Event e = events.get(i);
            if (e.actor().equals(actor)) {
                waiting = e.op().equals("ask") || waiting && !e.op().equals("lock") && !e.op().equals("stopped");
            }
        }
        return waiting;
    }

    /** The first lost update: the stale write at {@code at}, shown from {@code from}, erasing {@code erased} of {@code actor}'s. */
    private record Lost(int at, int from, String actor, int erased) {
    }

    private static Lost firstLost(List<Event> events) {
        // the first stale write: a write no higher than the last value another actor wrote, which
        // erases every update since the one it was based on
        int lastWrite = -1;
        for (int j = 0; j < events.size(); j++) {
            Event w2 = events.get(j);
            if (!w2.op().equals("write")) {
                continue;
            }
            if (lastWrite >= 0) {
                Event w1 = events.get(lastWrite);
                if (!w1.actor().equals(w2.actor()) && w1.value() >= w2.value()) {
                    return new Lost(j, Math.min(lastRead(events, w1.actor(), lastWrite), lastRead(events, w2.actor(), j)),
                            w1.actor(), w1.value() - w2.value() + 1);
                }
            }
            lastWrite = j;
        }
        return null;
    }

    /** {@code +12us} below 10 ms, {@code +50.1ms} above. */
    static String since(long nanos) {
        // processes read one clock, but a step's time is read just after the step: a process
        // descheduled in between can show a step a little before the one recorded ahead of it
        String sign = nanos < 0 ? "-" : "+";
        long micros = Math.abs(nanos) / 1000;
        return micros < 10_000 ? sign + micros + "us" : String.format(Locale.ROOT, "%s%.1fms", sign, micros / 1000.0);
    }

    /** Where {@code actor}'s update that ends at {@code before} began: its read, or the lock (and ask) before it. */
    private static int lastRead(List<Event> events, String actor, int before) {
        for (int i = before; i >= 0; i--) {
            Event e = events.get(i);
            if (e.actor().equals(actor) && (e.op().equals("read") || e.op().equals("lock"))) {
                int start = i;
                int prev = previous(events, actor, start);
                if (prev >= 0 && e.op().equals("read") && events.get(prev).op().equals("lock")) {
                    start = prev;
                    prev = previous(events, actor, start);
                }
                if (prev >= 0 && events.get(start).op().equals("lock") && events.get(prev).op().equals("ask")) {
                    start = prev;
                }
                return start;
            }
        }
        return 0;
    }

    private static int previous(List<Event> events, String actor, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (events.get(i).actor().equals(actor)) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfSecondUpdate(List<Event> events) {
        int writes = 0;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.op().equals("write") && ++writes == 2) {
                for (int j = i + 1; j < events.size(); j++) {
                    if (sameStep(events.get(j), e.actor(), "unlock")) {
                        return j;
                    }
                    if (events.get(j).actor().equals(e.actor())) {
                        break;
                    }
                }
                return i;
            }
        }
        return events.size() - 1;
    }
}
