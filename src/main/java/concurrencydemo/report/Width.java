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
        List<List<Token>> lines = new ArrayList<>();
        List<Token> line = new ArrayList<>();
        for (Token t : tokens(text)) {
            if (!line.isEmpty() && width(line) + (t.spaceBefore ? 1 : 0) + of(t.text) > columns) {
                int start = groupStart(line, t);
                if (start > 0) { // the line ends before t, or before what t may not be parted from
                    lines.add(new ArrayList<>(line.subList(0, start)));
                    line = new ArrayList<>(line.subList(start, line.size()));
                } // else: what may not be parted fills the line already, and runs past its end
            }
            line.add(t);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        noWidow(lines, columns);
        return lines.stream().map(Width::render).toList();
    }

    /**
     * Where the last line break before {@code next} may fall: before {@code next} itself (the
     * line's size), or before the tokens at the end of {@code line} that {@code next} is glued to.
     */
    private static int groupStart(List<Token> line, Token next) {
        int start = line.size();
        Token after = next;
        while (start > 0 && !breakable(line.get(start - 1), after)) {
            start--;
            after = line.get(start);
        }
        return start;
    }

    /** Whether a line may end between {@code before} and {@code after}. */
    private static boolean breakable(Token before, Token after) {
        return (after.spaceBefore || before.wide || after.wide) && !glued(before, after);
    }

    /**
     * Whether no line may end between {@code before} and {@code after}: before a closing mark,
     * after an opening one, and between a number and the Chinese word after it (its unit: 600 次).
     */
    private static boolean glued(Token before, Token after) {
        return !after.spaceBefore && CLOSING.contains(after.text.substring(0, 1))
                || !after.spaceBefore && OPENING.contains(last(before.text))
                || after.wide && Character.isDigit(before.text.charAt(before.text.length() - 1));
    }

    /**
     * A last line of one or two Chinese characters (a lone 程 under 停止了等待的线) takes the
     * characters before it from the line above, until it has three or the line above ends in a word.
     */
    private static void noWidow(List<List<Token>> lines, int columns) {
        while (lines.size() > 1 && width(lines.get(lines.size() - 1)) < 6) {
            List<Token> above = lines.get(lines.size() - 2);
            List<Token> last = lines.get(lines.size() - 1);
            if (!above.get(above.size() - 1).wide) {
                return; // the line above ends in a word (or a number): English keeps its short last line
            }
            int start = groupStart(above.subList(0, above.size() - 1), above.get(above.size() - 1));
            if (start == 0) {
                return;
            }
            List<Token> moved = new ArrayList<>(above.subList(start, above.size()));
            moved.addAll(last);
            if (width(moved) > columns) {
                return;
            }
            lines.set(lines.size() - 2, new ArrayList<>(above.subList(0, start)));
            lines.set(lines.size() - 1, moved);
        }
    }

    /** A line of tokens as text: a space where one came before a token, but not at the line's start. */
    private static String render(List<Token> line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
            if (i > 0 && line.get(i).spaceBefore) {
                sb.append(' ');
            }
            sb.append(line.get(i).text);
        }
        return sb.toString();
    }

    private static int width(List<Token> line) {
        return of(render(line));
    }

    /** Marks that must not begin a line. */
    private static final String CLOSING = "，。、；：？！）》」』”’…—,.;:)!?";
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
