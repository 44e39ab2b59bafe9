package concurrencydemo.exercises;

import concurrencydemo.report.Language;
import concurrencydemo.report.Message;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One exercise: a program with one of the seed's pitfalls, which the student fixes in a single
 * file, and how demo grades a run of it.
 *
 * <p>Its texts (title, what is wrong, hints, what to notice) are in the exercises' bundle under
 * {@code exercise.<name>.}. Its starter and reference solution are resources beside this class, one
 * per language (the same code, the comments translated): {@code <name>/<className>.java} and
 * {@code <name>/solution/<className>.java}, and in Chinese {@code <name>/zh-CN/…} and
 * {@code <name>/solution/zh-CN/…}.
 *
 * @param name        the name students type: {@code shared-counter}
 * @param lesson      the lesson that shows the same pitfall
 * @param section     the seed section it belongs to, as the seed titles it
 * @param className   the student's class, and so the file's name
 * @param processes   whether the workers are processes (slower to start: longer bounds, fewer trials)
 * @param trials      how many runs one check makes (it stops at the first wrong one)
 * @param pause       how long one {@link Work#pause()} or {@link Work#square} sleeps
 * @param sizes       the sizes of one run, drawn anew each run
 * @param grader      what is wrong with one run, or null when it is right
 * @param hints       how many hints its bundle has
 */
public record Exercise(String name, String lesson, String section, String className, boolean processes,
        int trials, Duration pause, Function<Random, Work.Sizes> sizes, Grader grader, int hints) {

    /** Grades one run. */
    @FunctionalInterface
    public interface Grader {
        /**
         * What is wrong with a run whose {@code run} returned {@code returned}, or null when it is
         * right. {@code atReturn}: the calls counted when run returned; {@code atEnd}: once every
         * worker had ended.
         */
        Message grade(Work.Sizes sizes, Object returned, Work.Facts atReturn, Work.Facts atEnd);
    }

    /** How long a worker waits at {@link Work#begin()} for the others before giving up. */
    public Duration beginTimeout() {
        return processes ? Duration.ofSeconds(4) : Duration.ofSeconds(1);
    }

    /**
     * How long a run may go without a single counted call before it is called stuck: longer than
     * {@link #beginTimeout()}, and for processes longer than a few JVMs take to start on one CPU.
     */
    public Duration stallBound() {
        return processes ? Duration.ofSeconds(6) : Duration.ofSeconds(3);
    }

    /** The student's file name. */
    public String fileName() {
        return className + ".java";
    }

    /**
     * The resource holding the starter, its comments in {@code language}: {@code <name>/<file>} in
     * English, {@code <name>/zh-CN/<file>} in Chinese.
     */
    public String starterResource(Language language) {
        return name + "/" + folder(language) + fileName();
    }

    /** The resource holding the reference solution, its comments in {@code language}. */
    public String solutionResource(Language language) {
        return name + "/solution/" + folder(language) + fileName();
    }

    private static String folder(Language language) {
        return language == Language.ENGLISH ? "" : language.tag() + "/";
    }

    /** A message of this exercise's: {@code exercise.<name>.<what>}. */
    public Message text(String what, Object... args) {
        return Message.of("exercise." + name + "." + what, args);
    }

    /** {@code count} numbers drawn from 1 to {@code bound} - 1, for sizes. */
    static List<Integer> range(Random random, int count, int bound) {
        return random.ints(count, 1, bound).boxed().toList();
    }
}
