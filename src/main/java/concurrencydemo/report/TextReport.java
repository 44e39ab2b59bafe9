package concurrencydemo.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Renders a lesson as text for a terminal or a projector: a heading, each variant's program output
 * with its verdict, then a summary table. Lines stay within 80 columns except for program output
 * that is itself longer.
 */
public final class TextReport {
    static final String INDENT = "  ";
    private static final int WIDTH = 78;

    private final PrintWriter out;
    private final Style style;

    public TextReport(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    public void lessonHeading(String lesson, String title, List<String> sections) {
        out.println(style.heading(lesson) + " " + style.dim("· " + String.join(" · ", sections)));
        out.println(title);
        out.flush();
    }

    public void variantHeading(int index, int count, String name, String section, boolean synchronised) {
        String tag = "[" + index + "/" + count + "] ";
        String sync = synchronised ? "synchronized" : "not synchronized";
        String head = tag + name + " " + style.dim("(" + sync + ") · " + section);
        out.println();
        out.println(style.bold(head));
        out.flush();
    }

    /** One line of the program's own output, indented under its variant heading. */
    public void programLine(String line) {
        out.println(INDENT + line);
        out.flush();
    }

    public void verdict(VariantResult r) {
        Outcome o = r.outcome();
        String word = switch (r.status()) {
            case CORRECT -> style.good("CORRECT ");
            case DIVERGED -> style.warn("DIVERGED");
            case BROKEN, STUCK, FAILED -> style.bad(String.format("%-8s", r.status().word()));
        };
        String expected = "expected " + Values.show(o.expected());
        String observed = "observed " + Values.show(o.observed());
        if (expected.length() + observed.length() + 2 <= WIDTH - 15) {
            out.println(INDENT + "=> " + word + "  " + expected + ", " + observed);
        } else {
            out.println(INDENT + "=> " + word + "  " + expected);
            out.println(INDENT + "             " + observed);
        }
        for (String line : wrap(o.explanation(), WIDTH - 14)) {
            out.println(INDENT + "             " + line);
        }
        out.flush();
    }

    public void summary(LessonReport report) {
        List<VariantResult> rs = report.variants();
        int nameWidth = "variant".length();
        for (VariantResult r : rs) {
            nameWidth = Math.max(nameWidth, r.name().length());
        }
        String row = INDENT + "%-" + nameWidth + "s  %-12s  %-8s  %8s";
        out.println();
        out.println(style.bold("Summary: " + report.lesson()));
        out.println(style.dim(String.format(row, "variant", "synchronized", "result", "time")));
        for (VariantResult r : rs) {
            String line = String.format(row, r.name(), r.synchronised() ? "yes" : "no",
                    r.status().word().toLowerCase(), millis(r.elapsed()));
            out.println(r.failsLesson() ? style.bad(line) : line);
        }
        out.flush();
    }

    static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    /** Splits {@code text} into lines of at most {@code width} characters, at spaces. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
