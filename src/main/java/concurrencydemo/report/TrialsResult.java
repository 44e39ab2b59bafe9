package concurrencydemo.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What many trials of one variant produced: how often each outcome came up, in the manner of
 * jcstress, and how many updates were lost.
 *
 * @param trials       the number of trials
 * @param histogram    one row per distinct outcome, the most frequent first
 * @param wrong        trials that ended with a wrong answer
 * @param stuck        trials that never ended (stopped by a watchdog): no answer, so neither right nor wrong
 * @param lostUpdates  min, median and max of the updates lost per trial, or null when the lesson
 *                     does not count them
 * @param elapsed      wall time of all the trials
 */
public record TrialsResult(int trials, List<Row> histogram, int wrong, int stuck, long[] lostUpdates, Duration elapsed) {

    /**
     * One outcome and how often it came up: the right answer, a wrong one, or none (stuck).
     * Whether a right answer was lucky depends on the variant that gave it (its role), not on the
     * outcome.
     */
    public record Row(String outcome, int count, boolean correct, boolean stuck) {
    }

    /** Counts {@code outcomes} by their key: their {@link Outcome#trialKey} if given, else the observed value. */
    public static TrialsResult of(List<Outcome> outcomes, Duration elapsed) {
        Map<RowKey, int[]> counts = new LinkedHashMap<>();
        Map<RowKey, Outcome> first = new LinkedHashMap<>();
        List<Long> lost = new ArrayList<>();
        int wrong = 0;
        int stuck = 0;
        for (Outcome o : outcomes) {
            RowKey key = new RowKey(key(o), o.stuck());
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            first.putIfAbsent(key, o);
            stuck += o.stuck() ? 1 : 0;
            wrong += o.correct() || o.stuck() ? 0 : 1;
            if (o.lostUpdates() != null) {
                lost.add(o.lostUpdates());
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, c) -> rows.add(new Row(k.shown(), c[0], first.get(k).correct(), k.stuck())));
        rows.sort(Comparator.comparingInt(Row::count).reversed());
        long[] lostSummary = null;
        if (!lost.isEmpty()) {
            lost.sort(null);
            lostSummary = new long[] {lost.get(0), lost.get(lost.size() / 2), lost.get(lost.size() - 1)};
        }
        return new TrialsResult(outcomes.size(), List.copyOf(rows), wrong, stuck, lostSummary, elapsed);
    }

    /** What an outcome ended with, as its row shows it. */
    static String key(Outcome o) {
        return o.trialKey() != null ? o.trialKey() : Values.show(o.observed());
    }

    /** A row's identity: a trial that never ended has a row of its own, whatever value it had then. */
    private record RowKey(String shown, boolean stuck) {
    }

    /** How often the trial at this outcome came up, as a share of all trials. */
    public double share(int count) {
        return trials == 0 ? 0 : (double) count / trials;
    }

    public double trialsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : trials / seconds;
    }

    /** For JSON: the histogram and the figures around it. */
    public Map<String, Object> tree() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("trials", trials);
        List<Object> rows = new ArrayList<>();
        for (Row r : histogram) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("outcome", r.outcome());
            row.put("count", r.count());
            row.put("share", share(r.count()));
            row.put("correct", r.correct());
            row.put("stuck", r.stuck());
            rows.add(row);
        }
        t.put("histogram", rows);
        t.put("wrong", wrong);
        t.put("wrongShare", share(wrong));
        t.put("stuck", stuck);
        if (lostUpdates != null) {
            t.put("lostUpdates", Map.of("min", lostUpdates[0], "median", lostUpdates[1], "max", lostUpdates[2]));
        }
        t.put("elapsedMillis", elapsed.toMillis());
        t.put("trialsPerSecond", Math.round(trialsPerSecond()));
        return t;
    }
}
