package concurrencydemo;

import concurrencydemo.cli.Demo;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs demo's command line in-process and captures what it prints, as every CLI test does. */
public final class Cli {
    private Cli() {
    }

    /** The exit code and the captured output of one run, with {@code \r\n} normalised. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Demo.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(code, normalise(out), normalise(err));
    }

    private static String normalise(StringWriter w) {
        return w.toString().replace("\r\n", "\n");
    }
}
