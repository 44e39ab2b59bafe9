package concurrencydemo.report;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the class answered with {@code --pause}, before a variant ran: a free guess of what it will
 * end with, or, to "will it be all {@code all}, or fewer?", a choice. A buggy program's count is
 * not worth guessing to the unit (it varies from run to run); whether every update survives is
 * the lesson, and that is what a choice grades.
 *
 * @param typed  what was typed, stripped
 * @param choice {@link Choice#ALL} or {@link Choice#FEWER}; null for a free guess
 * @param all    the right count, which "all" means; 0 for a free guess
 */
public record Prediction(String typed, Choice choice, long all) {
    /** The two answers to "all, or fewer?". */
    public enum Choice { ALL, FEWER }

    private static final Set<String> ALL_WORDS = Set.of("all", "a", "全部", "全", "都", "所有");
    private static final Set<String> FEWER_WORDS = Set.of("fewer", "f", "less", "更少", "少", "少于");

    /** A free guess, graded against what the program ended with. */
    public static Prediction free(String typed) {
        return new Prediction(typed, null, 0);
    }

    /**
     * An answer to "all {@code all}, or fewer?", in either language: {@code all}, {@code a},
     * {@code 全部}; {@code fewer}, {@code f}, {@code less}, {@code 更少}; or a number from 0 to
     * {@code all}, which is "all" when it is {@code all} and "fewer" below. Empty when it is none of
     * these (a number above {@code all}, a word not known).
     */
    public static Optional<Prediction> ofAllOrFewer(String typed, long all) {
        // full-width letters and digits typed with a Chinese input method as ASCII; a closing stop ignored
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("[.!。！]+$", "");
        if (ALL_WORDS.contains(s)) {
            return Optional.of(new Prediction(typed, Choice.ALL, all));
        }
        if (FEWER_WORDS.contains(s)) {
            return Optional.of(new Prediction(typed, Choice.FEWER, all));
        }
        String digits = s.replaceAll("[,_，]", "");
        if (digits.matches("\\d{1,18}")) {
            long n = Long.parseLong(digits);
            if (n <= all) {
                return Optional.of(new Prediction(typed, n == all ? Choice.ALL : Choice.FEWER, all));
            }
        }
        return Optional.empty();
    }

    /** Whether the class answered "all, or fewer?" rather than guessed freely. */
    public boolean isChoice() {
        return choice != null;
    }

    /** Whether the answer was a number, not a word. */
    boolean isNumber() {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[,_，\\s]", "").matches("\\d+");
    }
}
