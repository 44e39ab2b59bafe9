package concurrencydemo.framework;

import concurrencydemo.report.Message;
import concurrencydemo.report.Outcome;
import concurrencydemo.report.Role;
import concurrencydemo.report.Verdict;

import java.util.List;

/**
 * One way of running a lesson's program, with its role declared beside it: the bug the lesson is
 * about, or the fix. The verdict on a run follows from the role and the result (see
 * {@link Verdict}): a buggy variant that happens to give the right answer is lucky, never correct.
 *
 * @param name     its name as code and JSON know it, the same in every language, e.g. {@code Racy} or {@code Locked}
 * @param labelKey the bundle key of its name in the reader's language, e.g. {@code race-condition.variant.racy}
 * @param section  the seed section it ports
 * @param role     the bug or the fix
 * @param body    the program; it prints through its {@link Stage} and returns its outcome
 * @param trials   for {@code --trials}, many runs at once; or null to run the body over and over
 * @param question what {@code --pause} asks the class to predict before it runs, or null for a general one
 */
public record Variant(String name, String labelKey, Section section, Role role, Body body, Trials trials,
                      Message question) {

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

    /** The program with the mistake the lesson is about: its bug may show, or it may be lucky. */
    public static Variant buggy(String name, String labelKey, Section section, Body body) {
        return new Variant(name, labelKey, section, Role.BUGGY, body, null, null);
    }

    /** The program that fixes the mistake: it must be right on every run. */
    public static Variant fixed(String name, String labelKey, Section section, Body body) {
        return new Variant(name, labelKey, section, Role.FIXED, body, null, null);
    }

    /** A program run to be measured (a speed-up): its answer must be right; its numbers are the lesson. */
    public static Variant measured(String name, String labelKey, Section section, Body body) {
        return new Variant(name, labelKey, section, Role.MEASURED, body, null, null);
    }

    /** This variant, running its trials with {@code trials} instead of its body over and over. */
    public Variant withTrials(Trials trials) {
        return new Variant(name, labelKey, section, role, body, trials, question);
    }

    /** This variant, asking {@code question} (e.g. "What will End value be?") when {@code --pause} stops before it. */
    public Variant asking(Message question) {
        return new Variant(name, labelKey, section, role, body, trials, question);
    }

    /** What {@code --pause} asks the class before this variant runs. */
    @Override
    public Message question() {
        return question != null ? question : Message.of("variant.question");
    }
}
