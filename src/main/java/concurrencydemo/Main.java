package concurrencydemo;

import concurrencydemo.cli.Demo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code demo} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(Demo.commandLine(out, err).execute(args));
    }
}
