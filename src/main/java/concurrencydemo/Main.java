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

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 1 && args[0].equals(ArchiveTraining.FLAG)) {
            ArchiveTraining.run();
            System.exit(0);
        }
        if (ListCommand.answerWithoutParser(args, out)) {
            System.exit(0);
        }
        System.exit(Demo.commandLine(out, err).execute(args));
    }
}
