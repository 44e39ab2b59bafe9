package concurrencydemo.cli;

import concurrencydemo.framework.Lesson;
import concurrencydemo.lessons.LocksLesson;
import concurrencydemo.lessons.PoolsLesson;
import concurrencydemo.lessons.ProcessesLesson;
import concurrencydemo.lessons.QueuesLesson;
import concurrencydemo.lessons.RaceConditionLesson;
import concurrencydemo.lessons.ThreadsLesson;
import concurrencydemo.report.Style;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The root command: lessons as subcommands, in teaching order, plus list, all and help. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Concurrency taught by running it: each lesson runs a program first without "
                    + "synchronization, then with it, and grades both results.",
            "",
            "Start with 'demo list', then run a lesson, e.g. 'demo threads'."
        },
        subcommands = {
            ListCommand.class,
            ThreadsLesson.class,
            LocksLesson.class,
            ProcessesLesson.class,
            RaceConditionLesson.class,
            QueuesLesson.class,
            PoolsLesson.class,
            AllCommand.class,
            CommandLine.HelpCommand.class,
            GenerateCompletion.class
        },
        footer = {"", "Exit codes: 0 all fixed variants correct, 1 a fixed variant wrong or a lesson failed, "
                + "2 usage error."})
public final class Demo implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line used by {@code Main} and by every test. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new Demo());
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
            err.println("demo: " + explain(ex) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return ExitCode.USAGE;
        }
    }

    static String explain(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean atRoot = u.getCommandLine().getParent() == null;
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
