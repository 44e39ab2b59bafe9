package concurrencydemo.cli;

import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.Lesson;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.report.Style;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The root command: lessons as subcommands, in teaching order, plus list, all and help. */
@Command(name = "demo",
        versionProvider = VersionProvider.class,
        description = {
            "Concurrency taught by running it: each lesson runs a program first without "
                    + "synchronization, then with it, and grades both results.",
            "",
            "Start with 'demo list', then run a lesson, e.g. 'demo threads'."
        },
        footer = {"", "Exit codes: 0 all fixed variants correct, 1 a fixed variant wrong or a lesson failed, "
                + "2 usage error."})
public final class Demo implements Runnable {
    /** The subcommands: list, the lessons in teaching order ({@link Catalog}), then all, help and completion. */
    static final List<Class<?>> SUBCOMMANDS = subcommands();

    private static List<Class<?>> subcommands() {
        List<Class<?>> subs = new ArrayList<>();
        subs.add(ListCommand.class);
        subs.addAll(Catalog.ORDER);
        subs.add(AllCommand.class);
        subs.add(CommandLine.HelpCommand.class);
        subs.add(GenerateCompletion.class);
        return List.copyOf(subs);
    }

    /** Set by {@link #configure}: the command line this root belongs to. */
    private CommandLine self;

    @Override
    public void run() {
        self.usage(self.getOut());
    }

    /** The command line used by {@code Main} and by every test. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Demo());
        for (Class<?> sub : SUBCOMMANDS) {
            cmd.addSubcommand(sub);
        }
        return configure(cmd, out, err);
    }

    /**
     * {@code demo}, {@code demo -h} and {@code demo --help} print the root usage, which needs only
     * each subcommand's name, aliases and header or first description line. Answering them from
     * those (read from each class's {@code @Command}) instead of building every subcommand's model
     * takes {@code demo --help} from about 120 ms to 95 ms here. Returns whether {@code args} was such a call, and if so has
     * answered it.
     */
    public static boolean answerHelpWithoutSubcommands(String[] args, PrintWriter out) {
        boolean help = args.length == 0 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")));
        if (!help) {
            return false;
        }
        CommandLine cmd = new CommandLine(new Demo());
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            CommandSpec stub = CommandSpec.create().name(c.name()).aliases(c.aliases());
            stub.usageMessage().header(c.header()).description(c.description()).hidden(c.hidden());
            cmd.addSubcommand(c.name(), stub);
        }
        configure(cmd, out, new PrintWriter(out)).usage(out);
        out.flush();
        return true;
    }

    /*
     * -h/--help and -V/--version are picocli's standard help options, declared here rather than
     * with mixinStandardHelpOptions: the root is then built without reading any annotation but
     * its own @Command, which keeps `demo --help` under three times a bare JVM's start-up.
     */
    private static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err) {
        CommandSpec root = cmd.getCommandSpec();
        root.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        root.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        ((Demo) cmd.getCommand()).self = cmd;
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(Help.defaultColorScheme(Style.terminalWantsColour() ? Help.Ansi.ON : Help.Ansi.OFF));
        cmd.setParameterExceptionHandler(new UsageErrors());
        cmd.setExecutionExceptionHandler(new Failures());
        cmd.setAbbreviatedSubcommandsAllowed(false);
        return cmd;
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
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("demo: " + explain(ex, args) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return ExitCode.USAGE;
        }
    }

    static String explain(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean atRoot = u.getCommandLine().getParent() == null;
            int endOfOptions = java.util.Arrays.asList(args).indexOf("--");
            if (endOfOptions >= 0 && java.util.Arrays.asList(args).subList(endOfOptions + 1, args.length).contains(first)) {
                return "'--' ends the options, so '" + first + "' after it is not read as "
                        + (first.startsWith("-") ? "an option" : "a command") + "; leave '--' out";
            }
            String what = first.startsWith("-") ? "unknown option '" + first + "'"
                    : atRoot ? "unknown lesson '" + first + "'" : "unexpected argument '" + first + "'";
            // picocli suggests the nearest names; only a name that starts like the typo helps a student
            String stem = first.substring(0, Math.min(3, first.length()));
            for (String suggestion : u.getSuggestions()) {
                if (suggestion.startsWith(stem)) {
                    return what + "; did you mean '" + suggestion + "'?";
                }
            }
            return atRoot && !first.startsWith("-") ? what + "; 'demo list' shows the lessons" : what;
        }
        return ex.getMessage();
    }

    /** Unexpected failures: one line on stderr (the stack trace with --verbose), exit code 1. */
    private static final class Failures implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            err.println("demo: " + cmd.getCommandName() + " failed: " + ex);
            if (parseResult.originalArgs().contains("--verbose")) {
                ex.printStackTrace(err);
            } else {
                err.println("demo: run again with --verbose for the stack trace");
            }
            err.flush();
            return ExitCode.WRONG;
        }
    }
}
