package concurrencydemo.cli;

import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.ExitException;
import concurrencydemo.framework.Runner;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Speaking;
import concurrencydemo.framework.DurationConverter;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Language;
import concurrencydemo.report.LessonReport;
import concurrencydemo.report.JsonReport;
import concurrencydemo.report.Message;
import concurrencydemo.report.Style;
import concurrencydemo.report.Texts;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The root command: lessons as subcommands, in teaching order, plus list, all and help. */
@Command(name = "demo", versionProvider = VersionProvider.class)
public final class Demo implements Runnable {
    /**
     * The subcommands in the groups the root help shows them in: the lessons in teaching order
     * ({@link Catalog}); the exercises' commands; list, all, help and completion.
     */
    static final List<CommandGroups.Group> GROUPS = List.of(
            new CommandGroups.Group("usage.commandGroup.lessons", List.<Class<?>>copyOf(Catalog.ORDER)),
            new CommandGroups.Group("usage.commandGroup.exercises", List.of(ExercisesCommand.class,
                    ExerciseCommand.class, CheckCommand.class, HintCommand.class, WatchCommand.class)),
            new CommandGroups.Group("usage.commandGroup.other", List.of(ListCommand.class, AllCommand.class,
                    CommandLine.HelpCommand.class, GenerateCompletion.class)));
    /** The subcommands, group after group. */
    static final List<Class<?>> SUBCOMMANDS = CommandGroups.commands(GROUPS);

    /** Set by {@link #configure}: the command line this root belongs to. */
    private CommandLine self;

    /** The language the command line speaks now: set by {@link #speak}, from the environment or a {@code --lang}. */
    private Language language = Language.ENGLISH;

    @Override
    public void run() {
        self.usage(self.getOut());
    }

    /**
     * The command line used by {@code Main} and by every test, speaking the environment's language
     * until a {@code --lang} says otherwise.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Language.fromEnvironment(System.getenv()));
    }

    /** As above, speaking {@code language} until a {@code --lang} says otherwise (tests: whatever the locale). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Language language) {
        Demo demo = new Demo();
        CommandLine cmd = new CommandLine(demo);
        for (Class<?> sub : SUBCOMMANDS) {
            cmd.addSubcommand(sub);
        }
        configure(demo, cmd, out, err);
        demo.speak(language);
        return cmd;
    }

    /**
     * Makes the whole command line speak {@code language}: demo's shared bundle for every
     * command's help (each lesson's own bundle before it for the lesson), and every command and
     * option group that speaks is told the language (see {@link Speaking}).
     */
    void speak(Language language) {
        this.language = language;
        self.setResourceBundle(Texts.of(language));
        Map<Object, Boolean> told = new IdentityHashMap<>();
        for (CommandLine sub : self.getSubcommands().values()) { // aliases name a command twice: told once
            List<Object> speakers = new ArrayList<>();
            speakers.add(sub.getCommand());
            sub.getCommandSpec().mixins().values().forEach(mixin -> speakers.add(mixin.userObject()));
            for (Object speaker : speakers) {
                if (speaker instanceof Speaking speaking && told.put(speaker, true) == null) {
                    speaking.speak(language);
                }
            }
        }
    }

    /**
     * A line of demo's about the run as a whole ({@code demo.interrupted}, {@code demo.outputLost}),
     * in the language of {@code args} or the environment.
     */
    public static String notice(String key, String[] args) {
        Texts texts = Texts.of(Language.fromArgs(args).orElse(Language.fromEnvironment(System.getenv())));
        return texts.format("notice.error", texts.format(key));
    }

    /**
     * The JSON document of a run a signal stopped before it began ({@code demo race-condition
     * --format json}, then Ctrl-C at once): the lesson, or {@code all}'s lessons, none run, and
     * {@code "interrupted": true}. Null when {@code args} ask for no JSON document of a lesson, or
     * a run makes its own.
     */
    public static String interruptedDocument(String[] args) {
        List<String> words = java.util.Arrays.asList(args);
        int end = words.indexOf("--");
        List<String> options = end < 0 ? words : words.subList(0, end);
        boolean json = options.contains("--format=json")
                || java.util.stream.IntStream.range(0, options.size() - 1)
                        .anyMatch(i -> options.get(i).equals("--format") && options.get(i + 1).equals("json"));
        String command = options.stream().filter(w -> !w.startsWith("-")).findFirst().orElse("");
        boolean lesson = Catalog.ORDER.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(command));
        if (!json || !(lesson || command.equals("all")) || !Runner.takeJsonDocument()) {
            return null;
        }
        Texts texts = Texts.of(Language.fromArgs(args).orElse(Language.fromEnvironment(System.getenv())));
        return command.equals("all") ? JsonReport.all(List.of(), true, texts)
                : JsonReport.lesson(new LessonReport(command, "", List.of(), List.of(), true), texts);
    }

    /**
     * {@code demo}, {@code demo -h} and {@code demo --help} print the root usage, which needs only
     * each subcommand's name, aliases and header or first description line. Answering them from
     * those (read from each class's {@code @Command}) instead of building every subcommand's model
     * spares {@code demo --help} loading and reflecting on every lesson's classes, which a JVM pays
     * for again at every start. Returns whether {@code args} was such a call, and if so has answered it.
     */
    public static boolean answerHelpWithoutSubcommands(String[] args, PrintWriter out) {
        boolean help = args.length == 0 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")));
        if (!help) {
            return false;
        }
        Demo demo = new Demo();
        CommandLine cmd = new CommandLine(demo);
        Language language = Language.fromEnvironment(System.getenv());
        demo.language = language;
        Texts shared = Texts.of(language);
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            CommandSpec stub = CommandSpec.create().name(c.name()).aliases(c.aliases());
            stub.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
            cmd.addSubcommand(c.name(), stub);
            // a lesson's description is in its bundle, named as its class is
            stub.resourceBundle(Texts.exists(sub.getName()) ? shared.with(sub.getName()) : shared);
        }
        configure(demo, cmd, out, new PrintWriter(out));
        cmd.getCommandSpec().resourceBundle(shared);
        cmd.usage(out);
        out.flush();
        return true;
    }

    /*
     * -h/--help and -V/--version are picocli's standard help options, declared here rather than
     * with mixinStandardHelpOptions: the root is then built without reading any annotation but
     * its own @Command, which keeps `demo --help` under three times a bare JVM's start-up.
     */
    private static CommandLine configure(Demo demo, CommandLine cmd, PrintWriter out, PrintWriter err) {
        CommandSpec root = cmd.getCommandSpec();
        root.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("option.help").build());
        root.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).descriptionKey("option.version").build());
        // on every command: its setter makes the whole command line speak the language at once
        root.addOption(OptionSpec.builder("--lang").paramLabel("<lang>").type(String.class)
                .descriptionKey("option.lang").scopeType(ScopeType.INHERIT)
                .setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value == null) { // picocli's initial value: the environment's language stands
                            return null;
                        }
                        Language language = Language.parse((String) value).orElseThrow(() ->
                                new LessonOptions.UsageError(cmd.getCommandSpec(), Message.of(
                                        Language.traditional((String) value) ? "error.langTraditional" : "error.lang", value)));
                        demo.speak(language);
                        return null;
                    }
                }).build());
        demo.self = cmd;
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(Help.defaultColorScheme(Style.terminalWantsColour() ? Help.Ansi.ON : Help.Ansi.OFF));
        cmd.setParameterExceptionHandler(new UsageErrors(demo));
        cmd.setExecutionExceptionHandler(new Failures(demo));
        cmd.setAbbreviatedSubcommandsAllowed(false);
        cmd.setExecutionStrategy(new NoExtraWords());
        // the groups' headings stand in for picocli's one "Commands:"
        root.usageMessage().sectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, new NoHeading());
        root.usageMessage().sectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandGroups(GROUPS));
        return cmd;
    }

    /**
     * picocli lets words pass that mean nothing: those after {@code -V} ({@code demo -V extra}),
     * and the second and later names after {@code help} ({@code demo help threads locks}, which
     * shows only the first). They are a usage error, as any other extra word is.
     */
    private static final class NoExtraWords implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(ParseResult parseResult) {
            if (parseResult.isVersionHelpRequested() && (!parseResult.unmatched().isEmpty() || parseResult.subcommand() != null)) {
                String extra = parseResult.unmatched().isEmpty() ? parseResult.subcommand().commandSpec().name()
                        : parseResult.unmatched().get(0); // demo -V extra, demo -V threads
                throw new LessonOptions.UsageError(parseResult.commandSpec(), Message.of("error.unexpected", extra));
            }
            ParseResult sub = parseResult.subcommand();
            if (sub != null && sub.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                List<String> words = new ArrayList<>();
                sub.matchedPositionals().forEach(p -> words.addAll(p.stringValues()));
                words.addAll(sub.unmatched());
                if (words.size() > 1) {
                    throw new UnmatchedArgumentException(sub.commandSpec().commandLine(), words.subList(1, words.size()));
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        }
    }

    /** No "Commands:" heading: {@link CommandGroups} gives each group its own. */
    private static final class NoHeading implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(Help help) {
            return "";
        }
    }

    /** The exit code of a run that did all it was asked (for {@code Main}, which may not see the framework). */
    public static final int OK = ExitCode.OK;

    /**
     * {@code code}, unless standard output could not be written (closed, or a full disk): then one
     * line on stderr and exit code 1, since the user did not get what demo printed.
     */
    public static int checkWritten(PrintWriter out, PrintWriter err, int code, String[] args) {
        if (out.checkError() | System.out.checkError()) {
            err.println(notice("notice.outputLost", args));
            err.flush();
            return code == ExitCode.OK ? ExitCode.WRONG : code;
        }
        return code;
    }

    /** The lessons registered on {@code root}, in teaching order, each once (aliases skipped). */
    public static List<Lesson> lessons(CommandLine root) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Lesson> lessons = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommand() instanceof Lesson lesson && seen.put(lesson, true) == null) {
                lessons.add(lesson);
            }
        }
        return lessons;
    }

    /** Usage errors: one line on stderr, exit code 2. (A class, not a lambda: no bootstrap at start-up.) */
    private static final class UsageErrors implements IParameterExceptionHandler {
        private final Demo demo;

        UsageErrors(Demo demo) {
            this.demo = demo;
        }

        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            // the language of the command line, or of a --lang that picocli did not reach
            Texts texts = Texts.of(Language.fromArgs(args).orElse(demo.language));
            err.println(printable(texts.format("notice.error", texts.format("error.usage", explain(ex, args, texts),
                    cmd.getCommandSpec().qualifiedName()))));
            err.flush();
            return ExitCode.of(ex);
        }
    }

    /**
     * {@code line} with control characters shown as {@code ?}: what the user typed is quoted in
     * usage errors, and a newline or an escape sequence in it must not break the one line or
     * drive the terminal.
     */
    static String printable(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        line.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }

    /** How many characters {@code a} and {@code b} begin with alike. */
    private static int sharedStart(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /** picocli's help command refusing a name: its English words, matched to be worded anew. */
    private static final java.util.regex.Pattern UNKNOWN_SUBCOMMAND = java.util.regex.Pattern.compile(
            "Unknown subcommand '(.*)'\\.");

    /** A usage error in words: picocli's own messages are English only, so demo words the ones a user meets. */
    static String explain(ParameterException ex, String[] args, Texts texts) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean atRoot = u.getCommandLine().getParent() == null;
            int endOfOptions = java.util.Arrays.asList(args).indexOf("--");
            if (endOfOptions >= 0 && java.util.Arrays.asList(args).subList(endOfOptions + 1, args.length).contains(first)) {
                return texts.format(first.startsWith("-") ? "error.afterDashes.option" : "error.afterDashes.command", first);
            }
            String what = texts.format(first.startsWith("-") ? "error.unknownOption"
                    : atRoot ? "error.unknownLesson" : "error.unexpected", first);
            // picocli suggests the nearest names; only a name that starts like the typo helps a
            // student, and the one that shares most of its start helps most (--trial: --trials,
            // not --trace); a lesson typed in capitals is that lesson
            List<String> candidates = new ArrayList<>(u.getSuggestions());
            if (atRoot) {
                u.getCommandLine().getSubcommands().keySet().stream().filter(first::equalsIgnoreCase).forEach(candidates::add);
            }
            String best = null;
            int bestShared = 2;
            for (String candidate : candidates) {
                int shared = sharedStart(first.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
                if (shared > bestShared) {
                    best = candidate;
                    bestShared = shared;
                }
            }
            if (best != null) {
                return texts.format("error.didYouMean", what, best);
            }
            return atRoot && !first.startsWith("-") ? texts.format("error.seeList", what) : what;
        }
        java.util.regex.Matcher unknown = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(ex.getMessage()));
        if (unknown.matches()) { // demo help <no such lesson>
            return texts.format("error.seeList", texts.format("error.unknownLesson", unknown.group(1)));
        }
        if (ex instanceof LessonOptions.UsageError refused) {
            return texts.format(refused.reason());
        }
        ArgSpec arg = ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                ? missing.getMissing().get(0)
                : ex instanceof OverwrittenOptionException twice ? twice.getOverwritten() : ex.getArgSpec();
        String option = arg instanceof OptionSpec o ? o.longestName() : arg != null ? arg.paramLabel() : "";
        if (ex instanceof MissingParameterException) {
            return texts.format("error.missingValue", option);
        }
        if (ex instanceof OverwrittenOptionException) {
            return texts.format("error.twice", option);
        }
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DurationConverter.Invalid invalid) {
                return texts.format(invalid.key(), option, invalid.value());
            }
        }
        if (ex.getCause() instanceof CommandLine.TypeConversionException || ex.getMessage().startsWith("Invalid value")) {
            String value = ex.getValue() == null ? "" : ex.getValue();
            if (arg instanceof OptionSpec o && o.type().isEnum()) {
                return texts.format("error.choice", option, value, String.join(", ", o.completionCandidates()));
            }
            if (arg != null && (arg.type() == int.class || arg.type() == Integer.class)) {
                // a whole number too large for an int is out of range, not "not a number"
                if (value.matches("\\d+") && option.equals("--trials")) {
                    return ex.getCommandLine().getCommandName().equals("check")
                            ? texts.format("error.checkTrialsMax", CheckCommand.MAX_TRIALS, value)
                            : texts.format("error.trials", LessonOptions.MAX_TRIALS, value);
                }
                return texts.format("error.number", option, value);
            }
            return texts.format("error.invalid", option, value);
        }
        return ex.getMessage(); // demo's own words (an option's setter), or a rare picocli message
    }

    /**
     * A command that could not go on ({@link ExitException}): its one line on stderr. Unexpected
     * failures: one line on stderr (the stack trace with --verbose). The exit code: {@link ExitCode#of}.
     */
    private static final class Failures implements IExecutionExceptionHandler {
        private final Demo demo;

        Failures(Demo demo) {
            this.demo = demo;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            if (Workspace.shuttingDown()) {
                return ExitCode.WRONG; // a signal's doing, not the lesson's: the interrupt notice says so
            }
            Texts texts = Texts.of(demo.language);
            if (ex instanceof ExitException exit) {
                err.println(printable(texts.format("notice.error", texts.format(exit.reason()))));
                err.flush();
                return ExitCode.of(ex);
            }
            err.println(texts.format("notice.error", texts.format("error.failed", cmd.getCommandName(), ex)));
            if (parseResult.originalArgs().contains("--verbose")) {
                ex.printStackTrace(err);
            } else {
                err.println(texts.format("notice.error", texts.format("error.runVerbose")));
            }
            err.flush();
            return ExitCode.of(ex);
        }
    }
}
