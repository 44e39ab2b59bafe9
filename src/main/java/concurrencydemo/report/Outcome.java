package concurrencydemo.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one run of a variant produced, graded against what a correct program produces. Every fact
 * a verdict, a histogram or a table reads is a typed component; {@link #extras} are figures for
 * JSON only, which nothing else reads.
 *
 * @param expected    the value a correct program ends with (any JSON-able value)
 * @param observed    the value this run ended with
 * @param correct     whether {@code observed} is right
 * @param explanation one sentence for a student: what went wrong, or why it is right (in words when shown)
 * @param ending      whether the program ran to its end, or was stopped (see {@link Ending})
 * @param lostUpdates the updates a counter lost, or null when the lesson does not count them
 * @param trialKey    what {@code --trials} counts this outcome under, or null for its observed value
 * @param speedup     a measured speed-up (one worker's time over the parallel time), or null
 * @param timing      the times behind {@code speedup}, or null
 * @param extras      more figures for JSON only (e.g. the items a queue delivered); never read by a verdict
 */
public record Outcome(Object expected, Object observed, boolean correct, Message explanation, Ending ending,
                      Long lostUpdates, String trialKey, Double speedup, Timing timing, Map<String, Object> extras) {

    /** How a program's run ended. */
    public enum Ending {
        /** It ran to its end. */
        FINISHED,
        /**
         * A watchdog stopped it because it could never finish: its liveness bug (a lock stranded,
         * a join that waits for what never comes). Graded {@link Verdict#STUCK}.
         */
        STUCK,
        /**
         * A time bound stopped it while it was still making its way: demo's own bound, or a
         * lesson's watchdog that saw no bug. Graded {@link Verdict#STUCK}, but slow, not buggy.
         */
        TIMED_OUT
    }

    /**
     * What a measured run took: one worker alone, then {@code parts} at once, the fastest of
     * {@code rounds} turns each.
     *
     * @param coresUsed the parts' CPU time divided by their wall time (about {@code parts} when they
     *                  ran at once, at most 1 when they took turns), or null when it was not measured
     */
    public record Timing(long oneMillis, long parallelMillis, int parts, Double coresUsed, int rounds) {
        /** One turn each, CPU time not measured. */
        public Timing(long oneMillis, long parallelMillis, int parts) {
            this(oneMillis, parallelMillis, parts, null, 1);
        }
    }

    /** The names of the JSON fields a variant's facts fill, which no extra may take. */
    static final Set<String> FACT_FIELDS = Set.of("stuck", "timedOut", "lostUpdates", "speedup", "oneMillis",
            "parallelMillis", "parts", "coresUsed", "rounds", "key");

    public Outcome {
        Objects.requireNonNull(ending, "ending");
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** A program that ran to its end, with no more facts than its grade. */
    public Outcome(Object expected, Object observed, boolean correct, Message explanation) {
        this(expected, observed, correct, explanation, Ending.FINISHED, null, null, null, null, Map.of());
    }

    /** Grades by equality: correct when {@code observed} equals {@code expected}. */
    public static Outcome compare(Object expected, Object observed, Message whenCorrect, Message whenWrong) {
        boolean correct = Objects.equals(expected, observed);
        return new Outcome(expected, observed, correct, correct ? whenCorrect : whenWrong);
    }

    /**
     * A program that could never finish (a thread or process blocked for good), stopped by a
     * watchdog: graded {@link Verdict#STUCK}, the bug of a buggy variant showing.
     */
    public static Outcome stuck(Object expected, Object observed, Message explanation) {
        return new Outcome(expected, observed, false, explanation, Ending.STUCK, null, null, null, null, Map.of());
    }

    /**
     * A program stopped by a time bound it ran past, not stuck for good (demo's bound, or a
     * lesson's watchdog on a slow machine): graded {@link Verdict#STUCK}, but no bug showed.
     */
    public static Outcome timedOut(Object expected, Object observed, Message explanation) {
        return new Outcome(expected, observed, false, explanation, Ending.TIMED_OUT, null, null, null, null, Map.of());
    }

    /** Counts the updates lost by a counter that should have reached {@code expected}. */
    public static Outcome counter(long expected, long observed, Message whyCorrect, Message whoRaced) {
        long lost = expected - observed;
        if (lost == 0) {
            return new Outcome(expected, observed, true, whyCorrect).withLostUpdates(0);
        }
        return new Outcome(expected, observed, false, Message.of("outcome.lost", lost, expected, whoRaced))
                .withLostUpdates(lost);
    }

    /** Whether the program was stopped before it finished, stuck or timed out. */
    public boolean stuck() {
        return ending != Ending.FINISHED;
    }

    /** Whether a time bound stopped the program while it was still making its way (see {@link Ending#TIMED_OUT}). */
    public boolean timedOut() {
        return ending == Ending.TIMED_OUT;
    }

    /** This outcome, having lost {@code lost} updates. */
    public Outcome withLostUpdates(long lost) {
        return new Outcome(expected, observed, correct, explanation, ending, lost, trialKey, speedup, timing, extras);
    }

    /** This outcome, counted by {@code --trials} under {@code key} instead of its observed value. */
    public Outcome withTrialKey(String key) {
        return new Outcome(expected, observed, correct, explanation, ending, lostUpdates, key, speedup, timing, extras);
    }

    /** This outcome, with the speed-up it measured. */
    public Outcome withSpeedup(double speedup) {
        return new Outcome(expected, observed, correct, explanation, ending, lostUpdates, trialKey, speedup, timing,
                extras);
    }

    /** This outcome, with the speed-up it measured and the times behind it. */
    public Outcome withSpeedup(double speedup, Timing timing) {
        return new Outcome(expected, observed, correct, explanation, ending, lostUpdates, trialKey, speedup, timing,
                extras);
    }

    /**
     * This outcome, with one more figure for JSON only: nothing but the JSON document reads it.
     *
     * @throws IllegalArgumentException if {@code name} is one of the fields the typed facts fill
     */
    public Outcome withExtra(String name, Object value) {
        if (FACT_FIELDS.contains(name)) {
            throw new IllegalArgumentException(name); // a typed fact's field, not an extra's
        }
        Map<String, Object> more = new LinkedHashMap<>(extras);
        more.put(name, value);
        return new Outcome(expected, observed, correct, explanation, ending, lostUpdates, trialKey, speedup, timing,
                more);
    }

    /**
     * The facts as a variant's JSON carries them, after its grade: {@code stuck} and
     * {@code timedOut} when it was stopped, then {@code lostUpdates}, {@code speedup},
     * {@code oneMillis}, {@code parallelMillis}, {@code parts}, {@code coresUsed}, {@code rounds},
     * {@code key} when known, then the extras.
     */
    public Map<String, Object> jsonFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (stuck()) {
            facts.put("stuck", true);
            facts.put("timedOut", timedOut());
        }
        if (lostUpdates != null) {
            facts.put("lostUpdates", lostUpdates);
        }
        if (speedup != null) {
            facts.put("speedup", speedup);
        }
        if (timing != null) {
            facts.put("oneMillis", timing.oneMillis());
            facts.put("parallelMillis", timing.parallelMillis());
            facts.put("parts", timing.parts());
            if (timing.coresUsed() != null) {
                facts.put("coresUsed", timing.coresUsed());
            }
            facts.put("rounds", timing.rounds());
        }
        if (trialKey != null) {
            facts.put("key", trialKey);
        }
        facts.putAll(extras);
        return facts;
    }
}
