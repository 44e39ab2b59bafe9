package concurrencydemo;

import concurrencydemo.cli.Demo;
import concurrencydemo.report.Language;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs demo's command line in-process and captures what it prints, as every CLI test does. */
public final class Cli {
    private Cli() {
    }

    /** The exit code and the captured output of one run, with {@code \r\n} normalised. */
    public record Result(int exitCode, String out, String err) {
    }

    /** Runs demo in English, whatever the locale of the machine running the tests, unless {@code args} say {@code --lang}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Demo.commandLine(new PrintWriter(out), new PrintWriter(err), Language.ENGLISH).execute(args);
        return new Result(code, normalise(out), normalise(err));
    }

    private static String normalise(StringWriter w) {
        return w.toString().replace("\r\n", "\n");
    }
}
