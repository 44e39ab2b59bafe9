package concurrencydemo.framework;

import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Texts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** Options every lesson (and {@code all}) takes, and the language the command speaks. */
public final class LessonOptions implements Speaking {
    /** Each variant's time bound when the user gives none, before the lesson's windows are added. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    public static final int MAX_TRIALS = 100_000;
    /** The longest window any lesson supports. */
    public static final Duration MAX_WINDOW = Duration.ofSeconds(1);

    /** A command that runs lessons and so limits {@code --window} to what they support. */
    public interface WindowLimit {
        /** The longest {@code --window} the command's lessons support. */
        Duration maxWindow();
    }

    /**
     * A value demo refuses, with its reason not yet in words: the command line is read to its end
     * before the error is worded, in the language a {@code --lang} after the value may choose.
     */
    public static final class UsageError extends ParameterException {
        private static final long serialVersionUID = 1L;
        private final transient Message reason;

        public UsageError(CommandSpec command, Message reason) {
            super(command.commandLine(), Texts.of(Language.ENGLISH).format(reason));
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }

    /** Output formats. */
    public enum Format { text, json }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text", descriptionKey = "option.format")
    Format format = Format.text;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "option.help")
    boolean help;

    @Option(names = "--no-color", descriptionKey = "option.noColor")
    boolean noColor;

    private Duration timeout;
    private Duration window;
    private int trials;
    private Language language = Language.ENGLISH;

    @Option(names = "--trace", descriptionKey = "option.trace")
    boolean trace;

    @Option(names = "--pause", descriptionKey = "option.pause")
    boolean pause;

    @Option(names = "--trials", paramLabel = "<n>", descriptionKey = "option.trials")
    void trials(int value) {
        if (value < 1 || value > MAX_TRIALS) {
            throw new UsageError(mixee, Message.of("error.trials", MAX_TRIALS, value));
        }
        trials = value;
    }

    @Option(names = "--verbose", descriptionKey = "option.verbose")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            descriptionKey = "option.timeout")
    void timeout(Duration value) {
        if (value.compareTo(MIN_TIMEOUT) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new UsageError(mixee, Message.of("error.timeout", show(MIN_TIMEOUT), show(MAX_TIMEOUT), show(value)));
        }
        timeout = value;
    }

    @Option(names = "--window", paramLabel = "<duration>", converter = DurationConverter.class,
            descriptionKey = "option.window")
    void window(Duration value) {
        Duration max = mixee.userObject() instanceof WindowLimit limited ? limited.maxWindow() : MAX_WINDOW;
        if (value.compareTo(max) > 0) {
            throw new UsageError(mixee, max.equals(MAX_WINDOW) ? Message.of("error.window", show(max), show(value))
                    : Message.of("error.windowFor", show(max), mixee.name(), show(value)));
        }
        window = value;
    }


    /** Told by the command line: the language the command speaks from now on. */
    @Override
    public void speak(Language language) {
        this.language = language;
    }

    /** The language the command speaks (see {@link #speak}): English until told otherwise. */
    public Language language() {
        return language;
    }

    /** The number of trials, or 0 for one ordinary run. */
    public int trials() {
        return trials;
    }

    public boolean trace() {
        return trace;
    }

    public boolean pause() {
        return pause && !inputEnded;
    }

    /** The class's input ended (Ctrl-D at a --pause prompt): ask nothing more in this run. */
    private volatile boolean inputEnded;

    void inputEnded() {
        inputEnded = true;
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
