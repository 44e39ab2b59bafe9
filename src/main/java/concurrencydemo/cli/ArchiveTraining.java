package concurrencydemo.cli;

import concurrencydemo.multiprocessing.ChildMain;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What the launcher runs once per build, under {@code -XX:ArchiveClassesAtExit}, so that the
 * class-data-sharing archive holds the classes that demo's commands and its child JVMs load: the
 * parser and help, a thread lesson, a process lesson with its children, JSON output, and the
 * child's side of a task. Nothing is printed.
 */
public final class ArchiveTraining {
    /** The argument that asks {@code Main} for a training run. */
    public static final String FLAG = "--train-class-data-archive";

    private ArchiveTraining() {
    }

    public static void run() {
        PrintWriter out = new PrintWriter(new StringWriter());
        PrintWriter err = new PrintWriter(new StringWriter());
        ListCommand.answerWithoutParser(new String[] {"list"}, out);
        Demo.answerHelpWithoutSubcommands(new String[] {"--help"}, out);
        String[][] commands = {
            {"--help"}, {"--version"}, {"help", "race-condition"}, {"list"}, {"no-such-lesson"},
            {"threads", "--window", "1ms"}, {"race-condition", "--window", "0", "--format", "json"},
            {"queues", "--window", "1ms", "--trials", "1"},
        };
        for (String[] args : commands) {
            Demo.commandLine(out, err).execute(args);
        }
        ChildMain.rehearse();
    }
}
