package concurrencydemo.report;

import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * How many terminal columns text takes, for tables that line up in every language: a Han
 * character or a full-width punctuation mark takes two, a combining mark none (JLine's
 * {@code wcwidth}, Markus Kuhn's tables of Unicode's East Asian Width). ANSI colour sequences
 * take none.
 */
public final class Width {
    private Width() {
    }

    /** The columns {@code s} takes on a terminal. */
    public static int of(String s) {
        int columns = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == 0x1b) { // an ANSI sequence: ESC [ … letter
                int end = i + 1;
                while (end < s.length() && !Character.isLetter(s.charAt(end))) {
                    end++;
                }
                i = end + 1;
                continue;
            }
            columns += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return columns;
    }

    /** {@code s} followed by spaces up to {@code columns} columns. */
    public static String pad(String s, int columns) {
        int w = of(s);
        return w >= columns ? s : s + " ".repeat(columns - w);
    }

    /** Spaces, then {@code s}, up to {@code columns} columns. */
    public static String padLeft(String s, int columns) {
        int w = of(s);
        return w >= columns ? s : " ".repeat(columns - w) + s;
    }

    /** {@code s} cut to at most {@code columns} columns, with an ellipsis where it was cut. */
    public static String clip(String s, int columns) {
        if (of(s) <= columns) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > columns - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    /**
     * Splits {@code text} into lines of at most {@code columns} columns: at spaces, and between two
     * characters when either is wide (Chinese has no spaces between words), never before a closing
     * punctuation mark nor after an opening one (a closing mark that would run past the end takes
     * what comes before it to the next line, and so does a word after an opening mark). A word
     * longer than a line stays whole.
     */
    public static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        Token previous = null;
        for (Token t : tokens(text)) {
            int w = of(t.text);
            int add = (t.spaceBefore ? 1 : 0) + w;
            boolean canBreak = previous != null && used > 0
                    && (t.spaceBefore || previous.wide || t.wide)
                    && !CLOSING.contains(t.text.substring(0, 1)) && !OPENING.contains(last(previous.text));
            if (canBreak && used + add > columns) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            } else if (used + add > columns && previous != null && !t.spaceBefore
                    && (CLOSING.contains(t.text.substring(0, 1)) || OPENING.contains(last(previous.text)))
                    && line.length() > previous.text.length()) {
                // a closing mark may not begin a line, nor an opening one end it, and neither may run
                // past its end: the token before (a wide character, a word, the opening mark) goes
                // down with it
                line.setLength(line.length() - previous.text.length());
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(previous.text);
                used = of(previous.text);
            } else if (t.spaceBefore && used > 0) {
                line.append(' ');
                used++;
            }
            line.append(t.text);
            used += w;
            previous = t;
        }
        if (used > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Marks that must not begin a line. */
    private static final String CLOSING = "，。、；：？！）》」』”’…,.;:)!?";
    /** Marks that must not end a line. */
    private static final String OPENING = "（《「『“‘(";

    private static String last(String s) {
        return s.substring(s.length() - 1);
    }

    /** A run of narrow characters, or one wide character; and whether a space came before it. */
    private record Token(String text, boolean spaceBefore, boolean wide) {
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean space = false;
        boolean wordSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || cp == '\n') {
                if (word.length() > 0) {
                    tokens.add(new Token(word.toString(), wordSpace, false));
                    word.setLength(0);
                }
                space = true;
            } else if (WCWidth.wcwidth(cp) == 2) {
                if (word.length() > 0) {
                    tokens.add(new Token(word.toString(), wordSpace, false));
                    word.setLength(0);
                }
                tokens.add(new Token(new String(Character.toChars(cp)), space, true));
                space = false;
            } else {
                if (word.length() == 0) {
                    wordSpace = space;
                }
                word.appendCodePoint(cp);
                space = false;
            }
        }
        if (word.length() > 0) {
            tokens.add(new Token(word.toString(), wordSpace, false));
        }
        return tokens;
    }
}
