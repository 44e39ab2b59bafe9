package concurrencydemo.framework;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** Options every lesson (and {@code all}) takes. */
public final class LessonOptions {
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final Duration MAX_WINDOW = Duration.ofSeconds(1);
    static final int MAX_TRIALS = 100_000;

    /** Output formats. */
    public enum Format { text, json }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = "--no-color", description = "Plain text, no colour (also: NO_COLOR=1 or TERM=dumb).")
    boolean noColor;

    private Duration timeout = Duration.ofSeconds(20);
    private Duration window;
    private int trials;

    @Option(names = "--trace", description = "Record who read and wrote what, and show the steps that lost "
            + "the first update (or, when none was lost, the first two updates).")
    boolean trace;

    @Option(names = "--pause", description = "Wait for Enter between variants and lessons (on a terminal only).")
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
            description = "Time bound of each variant; a variant past it is reported stuck and "
                    + "stopped (default: 20s, at most 10m).")
    void timeout(Duration value) {
        if (value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new ParameterException(mixee.commandLine(),
                    "--timeout must be more than 0 and at most 10m, not " + show(value));
        }
        timeout = value;
    }

    @Option(names = "--window", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "How long a racing read-modify-write waits between its read and its write "
                    + "(0 to 1s; default: each lesson's own). Shorter makes the race rarer.")
    void window(Duration value) {
        if (value.compareTo(MAX_WINDOW) > 0) {
            throw new ParameterException(mixee.commandLine(),
                    "--window must be between 0 and 1s, not " + show(value));
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

    public Duration timeout() {
        return timeout;
    }

    /** The user's window, or {@code null} for each lesson's default. */
    public Duration window() {
        return window;
    }

    /** The time bound of all the trials of one variant: the per-run bound times the trials. */
    public Duration trialsTimeout() {
        return timeout.multipliedBy(Math.max(1, trials));
    }

    /** A duration as the user would write it. */
    public static String show(Duration d) {
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
