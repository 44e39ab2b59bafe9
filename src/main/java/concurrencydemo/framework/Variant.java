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
 * @param trials   for {@code --trials}, the trials prepared once; or null to run the body once per trial
 * @param question what {@code --pause} asks the class to predict before it runs, or null for a general one
 * @param countAsked the right count when the question is "all of it, or fewer?" (which a buggy
 *                   counter's run answers, where its exact end value is a lottery), or null when
 *                   the class guesses what it will end with
 */
public record Variant(String name, String labelKey, Section section, Role role, Body body, Trials trials,
                      Message question, Long countAsked) {

    /** The program of one variant. It must join, or hand to its stage, every thread it starts. */
    @FunctionalInterface
    public interface Body {
        Outcome run(Stage stage) throws Exception;
    }

    /**
     * How a variant runs {@code --trials} when its program starts child JVMs: it prepares once
     * (starts the children, which then run every trial) and returns the one trial the framework
     * runs over and over, counting, watching and grading each. Without it, the framework runs the
     * variant's body once per trial.
     */
    @FunctionalInterface
    public interface Trials {
        /**
         * Makes ready for {@code n} trials; prints nothing through the stage, and leaves what it
         * opens to the stage (tracked), so that a stopped run leaves nothing behind.
         */
        Trial prepare(Stage stage, int n) throws Exception;
    }

    /** One trial of a prepared variant, and the orderly end once the last trial has run. */
    @FunctionalInterface
    public interface Trial {
        /** Runs trial {@code k} (1 to n, in order) and grades it. */
        Outcome run(int k) throws Exception;

        /** After the last trial, ends what {@link Trials#prepare} started (joins its children). */
        default void finish() throws Exception {
        }

        /** A trial that runs {@code run} and ends with {@code finish}. */
        static Trial of(Trial run, Finish finish) {
            return new Trial() {
                @Override
                public Outcome run(int k) throws Exception {
                    return run.run(k);
                }

                @Override
                public void finish() throws Exception {
                    finish.run();
                }
            };
        }
    }

    /** The end of a run of trials. */
    @FunctionalInterface
    public interface Finish {
        void run() throws Exception;
    }

    /** The program with the mistake the lesson is about: its bug may show, or it may be lucky. */
    public static Variant buggy(String name, String labelKey, Section section, Body body) {
        return new Variant(name, labelKey, section, Role.BUGGY, body, null, null, null);
    }

    /** The program that fixes the mistake: it must be right on every run. */
    public static Variant fixed(String name, String labelKey, Section section, Body body) {
        return new Variant(name, labelKey, section, Role.FIXED, body, null, null, null);
    }

    /** A program run to be measured (a speed-up): its answer must be right; its numbers are the lesson. */
    public static Variant measured(String name, String labelKey, Section section, Body body) {
        return new Variant(name, labelKey, section, Role.MEASURED, body, null, null, null);
    }

    /** This variant, its trials prepared by {@code trials} instead of running its body once per trial. */
    public Variant withTrials(Trials trials) {
        return new Variant(name, labelKey, section, role, body, trials, question, countAsked);
    }

    /** This variant, asking {@code question} (e.g. "What will End value be?") when {@code --pause} stops before it. */
    public Variant asking(Message question) {
        return new Variant(name, labelKey, section, role, body, trials, question, null);
    }

    /**
     * This variant, asking {@code question} when {@code --pause} stops before it: whether its count
     * will be all {@code all} or fewer ("Will End value be 2, or fewer?"). For a counter that can
     * lose updates, whose exact end value varies from run to run; graded by whether the run kept
     * every update.
     */
    public Variant askingAllOrFewer(Message question, long all) {
        return new Variant(name, labelKey, section, role, body, trials, question, all);
    }

    /** What {@code --pause} asks the class before this variant runs. */
    @Override
    public Message question() {
        return question != null ? question : Message.of("variant.question");
    }
}
