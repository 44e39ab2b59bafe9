package concurrencydemo.exercises;

import concurrencydemo.framework.Section;
import concurrencydemo.report.Language;
import concurrencydemo.report.Message;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * One exercise: a program with one of the seed's pitfalls, which the student fixes in a single
 * file, and how demo grades a run of it. Declared with {@link #named}, as a row of data: its
 * {@link Builder} refuses a row with a part missing.
 *
 * <p>Its texts (title, what is wrong, hints, what to notice) are in the exercises' bundle under
 * {@code exercise.<name>.}; its hints are {@code exercise.<name>.hint.1}, {@code .hint.2}… as many
 * as the bundle has. Its starter and reference solution are resources beside this class, one
 * per language (the same code, the comments translated): {@code <name>/<className>.java} and
 * {@code <name>/solution/<className>.java}, and in Chinese {@code <name>/zh-CN/…} and
 * {@code <name>/solution/zh-CN/…}.
 */
public final class Exercise {
    private final String name;
    private final Section section;
    private final String className;
    private final boolean processes;
    private final int trials;
    private final Duration pause;
    private final Function<Random, Work.Sizes> sizes;
    private final Grader grader;
    /** Counted from the bundle on first use (see {@link #hints()}). */
    private volatile int hints;

    private Exercise(Builder b) {
        this.name = b.name;
        this.section = b.section;
        this.className = b.className;
        this.processes = b.processes;
        this.trials = b.trials;
        this.pause = b.pause;
        this.sizes = b.sizes;
        this.grader = b.grader;
    }

    /** The start of a row: the exercise students call {@code name} ({@code shared-counter}). */
    static Builder named(String name) {
        return new Builder(name);
    }

    /** An exercise's row, part by part; {@link #build} checks that every part is there. */
    static final class Builder {
        private final String name;
        private Section section;
        private String className;
        private Boolean processes;
        private int trials;
        private Duration pause;
        private Function<Random, Work.Sizes> sizes;
        private Grader grader;

        private Builder(String name) {
            this.name = name;
        }

        /** The seed section it practises. */
        Builder section(Section section) {
            this.section = section;
            return this;
        }

        /** The student's class, and so the file's name. */
        Builder className(String className) {
            this.className = className;
            return this;
        }

        /** Its workers are threads. */
        Builder threads() {
            this.processes = false;
            return this;
        }

        /** Its workers are processes (slower to start: longer bounds; rows give them fewer trials). */
        Builder processes() {
            this.processes = true;
            return this;
        }

        /** How many runs one check makes (it stops at the first wrong one). */
        Builder trials(int trials) {
            this.trials = trials;
            return this;
        }

        /** How long one {@link Work#step()} or {@link Work#process(int)} sleeps. */
        Builder pause(Duration pause) {
            this.pause = pause;
            return this;
        }

        /** The sizes of one run, drawn anew each run. */
        Builder sizes(Function<Random, Work.Sizes> sizes) {
            this.sizes = sizes;
            return this;
        }

        /** What is wrong with one run, or null when it is right. */
        Builder grader(Grader grader) {
            this.grader = grader;
            return this;
        }

        /** @throws IllegalStateException when a part is missing */
        Exercise build() {
            if (name == null || !name.matches("[a-z]+(-[a-z]+)*") || section == null || className == null
                    || !className.matches("[A-Z][A-Za-z]*") || processes == null || trials < 1 || pause == null
                    || sizes == null || grader == null) {
                throw new IllegalStateException("exercise " + name + ": a part of its row is missing or malformed");
            }
            return new Exercise(this);
        }
    }

    /** The name students type: {@code shared-counter}. */
    public String name() {
        return name;
    }

    /** The seed section it practises. */
    public Section section() {
        return section;
    }

    /** The student's class, and so the file's name. */
    public String className() {
        return className;
    }

    /** Whether the workers are processes. */
    public boolean processes() {
        return processes;
    }

    /** How many runs one check makes (it stops at the first wrong one). */
    public int trials() {
        return trials;
    }

    /** How long one {@link Work#step()} or {@link Work#process(int)} sleeps. */
    public Duration pause() {
        return pause;
    }

    /** The sizes of one run, drawn anew each run. */
    public Function<Random, Work.Sizes> sizes() {
        return sizes;
    }

    /** What is wrong with one run, or null when it is right. */
    public Grader grader() {
        return grader;
    }

    /** How many hints the bundle has for it: {@code exercise.<name>.hint.1} and on, without a gap. */
    public int hints() {
        int n = hints;
        if (n == 0) {
            ResourceBundle bundle = ResourceBundle.getBundle(Exercises.BUNDLE, Locale.ROOT);
            while (bundle.containsKey("exercise." + name + ".hint." + (n + 1))) {
                n++;
            }
            hints = n;
        }
        return n;
    }

    @Override
    public String toString() {
        return name;
    }

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
