package concurrencydemo.report;

import java.util.Locale;

/**
 * What a variant is in its lesson, declared beside its code as jcstress declares outcomes: the
 * program with the mistake the lesson is about, or the program that fixes it.
 */
public enum Role {
    /** The program with the mistake the lesson is about: its bug may show (wrong, stuck) or not (lucky). */
    BUGGY,
    /** The program that fixes the mistake: it must be right on every run. */
    FIXED,
    /**
     * A program run to be measured, not a bug nor its fix (the gil lesson's speed-ups): its
     * answer must be right, and what it shows is in its numbers.
     */
    MEASURED;

    /** The word for JSON: {@code buggy} or {@code fixed}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

}
