package concurrencydemo.report;

/**
 * Terminal styling for demo's own output: ANSI colour when writing to a terminal, plain text
 * otherwise. Colour is off when stdout is not a console, when {@code NO_COLOR} is set and
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
        return System.console() != null;
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
