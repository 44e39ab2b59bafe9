package concurrencydemo.framework;

import concurrencydemo.report.Outcome;

import java.util.List;

/**
 * One way of running a lesson's program: racy (no synchronisation, the bug may show), fixed (the
 * synchronisation that must make it right every time), or a deliberate mistake that the lesson
 * shows going wrong.
 *
 * @param name         short name shown to the student, e.g. {@code Racy} or {@code Locked}
 * @param section      the seed section it ports (Chinese heading) or a short English label
 * @param synchronised whether the variant uses the synchronisation the lesson teaches
 * @param mustHold     whether a wrong result is a failure of demo itself (exit code 1)
 * @param body         the program; it prints through its {@link Stage} and returns its outcome
 */
public record Variant(String name, String section, boolean synchronised, boolean mustHold, Body body,
                      Trials trials) {

    /** The program of one variant. It must join, or hand to its stage, every thread it starts. */
    @FunctionalInterface
    public interface Body {
        Outcome run(Stage stage) throws Exception;
    }

    /**
     * Many runs of the program at once, for {@code --trials}: a lesson whose program starts child
     * JVMs gives one, so that the children are started once and run every trial.
     */
    @FunctionalInterface
    public interface Trials {
        /**
         * Runs {@code n} trials; prints nothing through the stage; calls {@code progress} after
         * each trial.
         */
        List<Outcome> run(Stage stage, int n, Runnable progress) throws Exception;
    }

    /** A variant without synchronisation: a wrong result is the lesson, not an error. */
    public static Variant racy(String name, String section, Body body) {
        return new Variant(name, section, false, false, body, null);
    }

    /** A variant with synchronisation: it must be right on every run. */
    public static Variant fixed(String name, String section, Body body) {
        return new Variant(name, section, true, true, body, null);
    }

    /** A synchronised variant with a deliberate mistake, shown going wrong. */
    public static Variant mistaken(String name, String section, Body body) {
        return new Variant(name, section, true, false, body, null);
    }

    /** This variant, running its trials with {@code trials} instead of its body over and over. */
    public Variant withTrials(Trials trials) {
        return new Variant(name, section, synchronised, mustHold, body, trials);
    }
}
