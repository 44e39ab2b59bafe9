package concurrencydemo.framework;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** Options every lesson (and {@code all}) takes. */
public final class LessonOptions {
    /** Each variant's time bound when the user gives none, before the lesson's windows are added. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_TRIALS = 100_000;
    /** The longest window any lesson supports. */
    public static final Duration MAX_WINDOW = Duration.ofSeconds(1);

    /** A command that runs lessons and so limits {@code --window} to what they support. */
    public interface WindowLimit {
        /** The longest {@code --window} the command's lessons support. */
        Duration maxWindow();
    }

    /** Output formats. */
    public enum Format { text, json }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--no-color", description = "Plain text, no colour (also: NO_COLOR=1 or TERM=dumb).")
    boolean noColor;

    private Duration timeout;
    private Duration window;
    private int trials;

    @Option(names = "--trace", description = "Record who read and wrote what, and show the steps that lost "
            + "the first update (or, when none was lost, the first two updates).")
    boolean trace;

    @Option(names = "--pause", description = "Before each variant, ask for a prediction and wait for Enter; then say whether the "
            + "guess was right (on a terminal only; not with --trials).")
    boolean pause;

    @Option(names = "--trials", paramLabel = "<n>",
            description = "Run each variant n times (1 to 100000) and show how often each outcome came up.")
    void trials(int value) {
        if (value < 1 || value > MAX_TRIALS) {
            throw new ParameterException(mixee.commandLine(),
                    "--trials must be between 1 and " + MAX_TRIALS + ", not " + value);
        }
        trials = value;
    }

    @Option(names = "--verbose", description = "Show the stack trace of an unexpected failure.")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Time bound of each variant, and of each trial with --trials; past it, the "
                    + "variant is reported stuck and stopped (10ms to 10m; default: 20s plus the time the "
                    + "lesson's windows take).")
    void timeout(Duration value) {
        if (value.compareTo(MIN_TIMEOUT) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new ParameterException(mixee.commandLine(),
                    "--timeout must be between 10ms and 10m, not " + show(value));
        }
        timeout = value;
    }

    @Option(names = "--window", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "How long a racing read-modify-write waits between its read and its write "
                    + "(default: the lesson's own; at most 1s, or less where the lesson says so). "
                    + "Shorter makes the race rarer.")
    void window(Duration value) {
        Duration max = mixee.userObject() instanceof WindowLimit limited ? limited.maxWindow() : MAX_WINDOW;
        if (value.compareTo(max) > 0) {
            throw new ParameterException(mixee.commandLine(), "--window must be between 0 and " + show(max)
                    + (max.equals(MAX_WINDOW) ? "" : " for " + mixee.name()) + ", not " + show(value));
        }
        window = value;
    }


    /** The number of trials, or 0 for one ordinary run. */
    public int trials() {
        return trials;
    }

    public boolean trace() {
        return trace;
    }

    public boolean pause() {
        return pause;
    }

    public boolean json() {
        return format == Format.json;
    }

    public boolean noColor() {
        return noColor;
    }

    public boolean verbose() {
        return verbose;
    }

    /**
     * The time bound of one run (or one trial) of a variant of a lesson whose slowest variant waits
     * {@code serialWindows} windows one after another: the user's {@code --timeout}, else 20s plus
     * the time those windows take at the user's {@code --window} (the lessons' default windows
     * fit in the 20s).
     */
    public Duration timeout(int serialWindows) {
        if (timeout != null) {
            return timeout;
        }
        return window == null ? DEFAULT_TIMEOUT : DEFAULT_TIMEOUT.plus(window.multipliedBy(serialWindows));
    }

    /** The user's window, or {@code null} for each lesson's default. */
    public Duration window() {
        return window;
    }

    /** A duration as the user would write it. */
    public static String show(Duration d) {
        if (d.compareTo(Duration.ofMinutes(1)) >= 0 && d.getNano() == 0 && d.getSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        long ms = d.toMillis();
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms == 0 && !d.isZero()) {
            return d.toNanos() / 1000 + "us";
        }
        return ms + "ms";
    }
}
