package concurrencydemo.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a variant produced, graded against what a correct program produces.
 *
 * @param expected    the value a correct program ends with (any JSON-able value)
 * @param observed    the value this run ended with
 * @param correct     whether {@code observed} is right
 * @param explanation one sentence for a student: what went wrong, or why it is right (in words when shown)
 * @param details     extra figures for JSON and trials (e.g. {@code lostUpdates})
 */
public record Outcome(Object expected, Object observed, boolean correct, Message explanation,
                      Map<String, Object> details) {

    public Outcome {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** Grades by equality: correct when {@code observed} equals {@code expected}. */
    public static Outcome compare(Object expected, Object observed, Message whenCorrect, Message whenWrong) {
        boolean correct = Objects.equals(expected, observed);
        return new Outcome(expected, observed, correct, correct ? whenCorrect : whenWrong, Map.of());
    }

    /**
     * A program that did not finish (a thread or process blocked for good) and was stopped by a
     * watchdog: graded {@link Verdict#STUCK}.
     */
    public static Outcome stuck(Object expected, Object observed, Message explanation) {
        return new Outcome(expected, observed, false, explanation, Map.of()).with("stuck", true);
    }

    /** Whether the program was stopped before it finished (see {@link #stuck}). */
    public boolean stuck() {
        return Boolean.TRUE.equals(details.get("stuck"));
    }

    /** Whether demo's own time bound stopped the program (not the lesson's watchdog). */
    public boolean timedOut() {
        return Boolean.TRUE.equals(details.get("timedOut"));
    }

    public Outcome with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new Outcome(expected, observed, correct, explanation, more);
    }

    /** Counts the updates lost by a counter that should have reached {@code expected}. */
    public static Outcome counter(long expected, long observed, Message whyCorrect, Message whoRaced) {
        long lost = expected - observed;
        if (lost == 0) {
            return new Outcome(expected, observed, true, whyCorrect, Map.of()).with("lostUpdates", 0L);
        }
        return new Outcome(expected, observed, false, Message.of("outcome.lost", lost, expected, whoRaced), Map.of())
                .with("lostUpdates", lost);
    }
}
