package concurrencydemo.report;

/**
 * Terminal styling for demo's own output: ANSI colour when writing to a terminal, plain text
 * otherwise. Colour is off when stdout is not a terminal, when {@code NO_COLOR} is set and
 * non-empty, when {@code TERM=dumb}, or when the user passes {@code --no-color}.
 */
public final class Style {
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    public static final Style PLAIN = new Style(false);
    public static final Style ANSI = new Style(true);

    /** Decides from the environment and the user's flag whether colour is wanted. */
    public static Style detect(boolean noColorFlag) {
        return new Style(!noColorFlag && terminalWantsColour());
    }

    public static boolean terminalWantsColour() {
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        return isTerminal("demo.stdout.tty");
    }

    /**
     * Whether standard error is a terminal (for the progress bar). Without the launcher's word,
     * no: a console tells about stdin and stdout only, and a bar redrawn into a file is garbage.
     */
    public static boolean stderrIsTerminal() {
        String told = System.getProperty("demo.stderr.tty");
        return told != null && Boolean.parseBoolean(told);
    }

    /**
     * Whether a stream is a terminal. Java 17 cannot ask the OS about one stream, so the launcher
     * asks ({@code [ -t 1 ]}) and passes the answer as a system property; without it, a console
     * that is a terminal is the best guess (null when stdin or stdout is redirected; from JDK 22
     * on, a console exists even then and says whether it is a terminal).
     */
    static boolean isTerminal(String property) {
        String told = System.getProperty(property);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJdk22) {
            return true;
        }
    }

    public boolean colour() {
        return colour;
    }

    public String bold(String s) {
        return wrap("\u001b[1m", s);
    }

    public String dim(String s) {
        return wrap("\u001b[2m", s);
    }

    public String good(String s) {
        return wrap("\u001b[1;32m", s);
    }

    public String bad(String s) {
        return wrap("\u001b[1;31m", s);
    }

    public String warn(String s) {
        return wrap("\u001b[1;33m", s);
    }

    public String heading(String s) {
        return wrap("\u001b[1;36m", s);
    }

    private String wrap(String code, String s) {
        return colour ? code + s + RESET : s;
    }
}
