package concurrencydemo.report;

import java.util.Locale;
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
    /** Continuation lines of a verdict start under the text after {@code => WORD}. */
    private static final String AFTER_WORD = " ".repeat(12);
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

    public void variantHeading(int index, int count, String name, String section, Role role) {
        String tag = "[" + index + "/" + count + "] ";
        String head = tag + name + " (" + role.label() + ") · " + section;
        out.println();
        out.println(style.bold(head));
        out.flush();
    }

    /** One line of demo's about the run itself, under the lesson's heading. */
    public void notice(String line) {
        out.println(style.dim(line));
        out.flush();
    }

    /** With --pause, before a variant runs: asks the class to predict. */
    public void predictionPrompt(String question) {
        out.print(INDENT + style.bold("? " + question) + style.dim(" (type a guess, or just press Enter to run it) "));
        out.flush();
    }

    /** After the verdict: whether the class's guess was what the program ended with. */
    public void predictionCheck(String guess, VariantResult r) {
        Object observed = r.outcome().observed();
        if (observed == null) {
            out.println(INDENT + AFTER_WORD + "your guess: " + guess + "; the program never ended with a result");
        } else {
            // a lesson whose result has several parts (the Value and the Array) asks about its first
            Object asked = observed instanceof java.util.Map<?, ?> parts && !parts.isEmpty()
                    ? parts.values().iterator().next() : observed;
            boolean right = normalise(guess).equals(normalise(Values.show(asked)))
                    || normalise(guess).equals(normalise(Values.show(observed)));
            out.println(INDENT + AFTER_WORD + "your guess: " + guess + " - "
                    + (right ? style.good("right") : style.warn("wrong")) + ", it ended with "
                    + Values.show(observed));
        }
        out.flush();
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** One line of the program's own output, indented under its variant heading. */
    public void programLine(String line) {
        out.println(INDENT + line);
        out.flush();
    }

    public void verdict(VariantResult r) {
        Outcome o = r.outcome();
        String word = word(r);
        String expected = "expected " + Values.show(o.expected());
        String observed = "observed " + Values.show(o.observed());
        String explanation = meaning(r) + o.explanation();
        if (o.expected() == null || o.observed() == null) { // stopped or failed before a result was seen
            out.println(INDENT + "=> " + word);
        } else if (expected.length() + observed.length() + 2 <= WIDTH - 14) {
            out.println(INDENT + "=> " + word + "  " + expected + ", " + observed);
        } else {
            out.println(INDENT + "=> " + word + "  " + expected);
            out.println(INDENT + AFTER_WORD + observed);
        }
        for (String line : wrap(explanation, WIDTH - 2 - AFTER_WORD.length())) {
            out.println(INDENT + AFTER_WORD + line);
        }
        out.flush();
    }

    /** What the verdict means for this role, in a few words (empty when the word says it all). */
    private static String meaning(VariantResult r) {
        return switch (r.verdict()) {
            case WRONG -> r.role() == Role.BUGGY ? "the bug showed: " : "the fix did not hold (a bug in demo): ";
            case LUCKY -> "right this time, still buggy: ";
            case STUCK -> r.role() == Role.BUGGY && !r.outcome().timedOut() ? "the bug showed, it never finished: "
                    : "it did not finish: ";
            case CORRECT, FAILED, INTERRUPTED -> "";
        };
    }

    public void summary(LessonReport report) {
        List<VariantResult> rs = report.variants();
        int nameWidth = "variant".length();
        for (VariantResult r : rs) {
            nameWidth = Math.max(nameWidth, r.name().length());
        }
        int verdictWidth = "verdict".length();
        for (VariantResult r : rs) {
            verdictWidth = Math.max(verdictWidth, r.verdict().word().length());
        }
        String row = INDENT + "%-" + nameWidth + "s  %-7s  %-" + verdictWidth + "s  %-19s  %8s";
        out.println();
        out.println(style.bold("Summary: " + report.lesson()));
        out.println(style.dim(String.format(Locale.ROOT, row, "variant", "role", "verdict", "as expected", "time")
                .stripTrailing()));
        for (VariantResult r : rs) {
            String line = String.format(Locale.ROOT, row, r.name(), r.role().label(), r.verdict().word(),
                    asExpected(r), millis(r.elapsed()));
            out.println(r.failsLesson() ? style.bad(line) : line);
        }
        out.flush();
    }

    /** The verdict in one coloured upper-case word, seven columns wide: green when as expected. */
    private String word(VariantResult r) {
        String word = String.format(Locale.ROOT, "%-7s", r.verdict().name());
        if (r.failsLesson()) {
            return style.bad(word);
        }
        return r.asExpected() ? style.good(word) : style.warn(word);
    }

    /** For the summary: whether a variant did what the lesson expects of it, in a few words. */
    static String asExpected(VariantResult r) {
        if (r.role() == Role.FIXED) {
            return r.verdict() == Verdict.CORRECT ? "yes" : "NO";
        }
        if (r.asExpected()) {
            return "yes, the bug showed";
        }
        return r.verdict() == Verdict.LUCKY ? "not this time" : "no";
    }

    /**
     * After {@code demo all}: how many lessons ran, how many fixes held, how many bugs showed.
     */
    public void overall(List<LessonReport> reports) {
        int fixes = 0;
        int fixesHeld = 0;
        int bugs = 0;
        int bugsShown = 0;
        int lucky = 0;
        for (LessonReport report : reports) {
            for (VariantResult r : report.variants()) {
                if (r.role() == Role.FIXED) {
                    fixes++;
                    fixesHeld += r.verdict() == Verdict.CORRECT ? 1 : 0;
                } else {
                    bugs++;
                    bugsShown += r.asExpected() ? 1 : 0;
                    lucky += r.verdict() == Verdict.LUCKY ? 1 : 0;
                }
            }
        }
        int unfinished = bugs - bugsShown - lucky; // failed, or stopped by demo's own time bound
        out.println();
        out.println(style.bold("All lessons: " + reports.size() + " run"));
        String fixLine = INDENT + "fixed variants correct:               " + fixesHeld + " of " + fixes;
        out.println(fixesHeld == fixes ? fixLine : style.bad(fixLine));
        out.println(INDENT + "buggy variants that showed their bug: " + bugsShown + " of " + bugs
                + (lucky == 0 ? "" : ", " + lucky + " lucky this time")
                + (unfinished == 0 ? "" : ", " + unfinished + " did not finish"));
        out.flush();
    }

    /** After the trials of one variant: how many went wrong. */
    public void trialsVerdict(VariantResult r) {
        TrialsResult t = r.trials();
        String word = word(r);
        if (t == null) {
            out.println(INDENT + "=> " + word + "  " + r.outcome().explanation());
        } else {
            out.println(INDENT + "=> " + word + "  wrong in " + t.wrong() + " of " + t.trials() + " trials ("
                    + percent(t.share(t.wrong())) + "), " + perSecond(t.trialsPerSecond()) + " trials/s");
            if (r.verdict() == Verdict.LUCKY) {
                out.println(INDENT + AFTER_WORD + "right in every trial this time, still buggy");
            }
        }
        out.flush();
    }

    private static final int MAX_ROWS = 8;
    private static final int BAR = 8;

    /**
     * The outcomes of one seed section's variants side by side, one column each, in the manner of
     * jcstress: a wrong outcome that a fixed variant never produced shows 0 in its column.
     */
    public void trialsTable(List<VariantResult> results) {
        List<VariantResult> rs = results.stream().filter(r -> r.trials() != null).toList();
        if (rs.isEmpty()) {
            return;
        }
        java.util.Map<String, Boolean> correct = new java.util.LinkedHashMap<>();
        java.util.Map<String, Integer> total = new java.util.HashMap<>();
        for (VariantResult r : rs) {
            for (TrialsResult.Row row : r.trials().histogram()) {
                correct.putIfAbsent(row.outcome(), row.correct());
                total.merge(row.outcome(), row.count(), Integer::sum);
            }
        }
        List<String> keys = new java.util.ArrayList<>(correct.keySet());
        keys.sort((a, b) -> Integer.compare(total.get(b), total.get(a)));
        int keyWidth = "outcome".length();
        for (String k : keys.subList(0, Math.min(MAX_ROWS, keys.size()))) {
            keyWidth = Math.max(keyWidth, Math.min(24, k.length()));
        }
        char block = unicode() ? '\u2588' : '#';
        StringBuilder head = new StringBuilder(INDENT + pad("outcome", keyWidth) + "        ");
        for (VariantResult r : rs) {
            head.append(pad(r.name(), 22)).append("  ");
        }
        out.println();
        String names = String.join(" vs ", rs.stream().map(VariantResult::name).toList());
        out.println(style.bold("Trials: " + names + " (" + rs.get(0).trials().trials() + " each)"));
        out.println(style.dim(head.toString().stripTrailing()));
        List<String> shown = keys.subList(0, Math.min(MAX_ROWS, keys.size()));
        for (String k : shown) {
            StringBuilder line = new StringBuilder(INDENT + pad(clip(k, keyWidth), keyWidth) + "  "
                    + (correct.get(k) ? "right " : "wrong "));
            for (VariantResult r : rs) {
                int count = count(r.trials(), k);
                double share = r.trials().share(count);
                int bar = count == 0 ? 0 : Math.max(1, (int) Math.round(share * BAR));
                line.append(String.format(Locale.ROOT, "%6d %6s %-" + BAR + "s  ", count, percent(share),
                        String.valueOf(block).repeat(bar)));
            }
            String text = line.toString().stripTrailing();
            out.println(!correct.get(k) && rs.stream().anyMatch(r -> r.role() == Role.FIXED && count(r.trials(), k) > 0)
                    ? style.bad(text) : text);
        }
        if (keys.size() > shown.size()) {
            StringBuilder line = new StringBuilder(INDENT + pad("… " + (keys.size() - shown.size()) + " more", keyWidth)
                    + "        ");
            for (VariantResult r : rs) {
                int rest = r.trials().trials();
                for (String k : shown) {
                    rest -= count(r.trials(), k);
                }
                line.append(String.format(Locale.ROOT, "%6d %6s %-" + BAR + "s  ", rest, percent(r.trials().share(rest)), ""));
            }
            out.println(line.toString().stripTrailing());
        }
        StringBuilder wrong = new StringBuilder(INDENT + pad("wrong", keyWidth) + "        ");
        StringBuilder lost = new StringBuilder(INDENT + pad("lost updates", keyWidth) + "        ");
        boolean anyLost = false;
        for (VariantResult r : rs) {
            TrialsResult t = r.trials();
            wrong.append(String.format(Locale.ROOT, "%6d %6s %-" + BAR + "s  ", t.wrong(), percent(t.share(t.wrong())), ""));
            long[] l = t.lostUpdates();
            anyLost |= l != null;
            lost.append(pad(l == null ? "" : "min " + l[0] + " med " + l[1] + " max " + l[2], 22)).append("  ");
        }
        out.println(wrong.toString().stripTrailing());
        if (anyLost) {
            out.println(lost.toString().stripTrailing());
        }
        out.flush();
    }

    private static int count(TrialsResult t, String key) {
        for (TrialsResult.Row row : t.histogram()) {
            if (row.outcome().equals(key)) {
                return row.count();
            }
        }
        return 0;
    }

    /** Trials per second: whole above 10, one decimal below (a slow lesson is not "0 trials/s"). */
    static String perSecond(double rate) {
        return rate >= 10 ? Long.toString(Math.round(rate)) : String.format(Locale.ROOT, "%.1f", rate);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** Whether the terminal can show block characters: a UTF-8 locale. */
    static boolean unicode() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = System.getenv(name);
            if (v != null && !v.isEmpty()) {
                return v.toUpperCase(java.util.Locale.ROOT).contains("UTF-8") || v.toUpperCase(java.util.Locale.ROOT).contains("UTF8");
            }
        }
        return false;
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
