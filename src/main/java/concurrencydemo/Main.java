package concurrencydemo;

import concurrencydemo.cli.ArchiveTraining;
import concurrencydemo.cli.Demo;
import concurrencydemo.cli.ListCommand;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code demo} launcher. */
public final class Main {
    private Main() {
    }

    /** Set just before a normal exit, so that the shutdown hook can tell Ctrl-C from the end. */
    private static volatile boolean finished;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 1 && args[0].equals(ArchiveTraining.FLAG)) {
            ArchiveTraining.run();
            System.exit(Demo.OK);
        }
        if (ListCommand.answerWithoutParser(args, out) || Demo.answerHelpWithoutSubcommands(args, out)) {
            System.exit(Demo.checkWritten(out, err, Demo.OK, args));
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!finished) {
                    String document = Demo.interruptedDocument(args); // JSON wanted, and no run began to make it
                    if (document != null) {
                        out.println(document);
                        out.flush();
                    }
                    err.println();
                    err.println(Demo.notice("notice.interrupted", args));
                }
            }, "interrupt-notice"));
        } catch (IllegalStateException signalledAlready) {
            return; // a signal as the JVM started: it is exiting, with nothing begun to clean up
        }
        int code = Demo.commandLine(out, err).execute(args);
        finished = true;
        System.exit(Demo.checkWritten(out, err, code, args));
    }
}
