package concurrencydemo.report;

import java.util.Locale;
import java.io.PrintWriter;
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
    private final Texts texts;

    public TextReport(PrintWriter out, Style style, Texts texts) {
        this.out = out;
        this.style = style;
        this.texts = texts;
    }

    /** The lesson's name and the seed's headings it ports (in normal weight: they are read), then its title. */
    public void lessonHeading(String lesson, String title, List<String> sections) {
        out.println(style.heading(lesson) + " · " + String.join(" · ", sections));
        out.println(title);
        out.flush();
    }

    public void variantHeading(int index, int count, String name, String section, Role role) {
        String head = texts.format("report.variantHeading", index, count, name, role(role), section);
        out.println();
        out.println(style.bold(head));
        out.flush();
    }

    /** One line of demo's about the run itself, under the lesson's heading. */
    public void notice(String line) {
        for (String part : Width.wrap(line, WIDTH)) {
            out.println(style.dim(part));
        }
        out.flush();
    }

    /** With --pause, before a variant runs: asks the class to predict. */
    public void predictionPrompt(String question) {
        out.print(INDENT + style.bold("? " + question) + style.dim(texts.format("report.pause.hint")) + " ");
        out.flush();
    }

    /** After the verdict: whether the class's guess was what the program ended with. */
    public void predictionCheck(String guess, VariantResult r) {
        Object observed = r.outcome().observed();
        if (r.role() == Role.MEASURED && r.outcome().speedup() != null) {
            // a measured guess is of a number that varies from run to run: shown beside it, not graded
            out.println(INDENT + AFTER_WORD + texts.format("report.pause.measured", guess,
                    String.format(Locale.ROOT, "%.1f", r.outcome().speedup())));
            out.flush();
            return;
        }
        if (observed == null) {
            out.println(INDENT + AFTER_WORD + texts.format("report.pause.noResult", guess));
        } else {
            // a lesson whose result has several parts (the Value and the Array) asks about its first
            Object asked = observed instanceof java.util.Map<?, ?> parts && !parts.isEmpty()
                    ? parts.values().iterator().next() : observed;
            boolean right = normalise(guess).equals(normalise(show(asked)))
                    || normalise(guess).equals(normalise(show(observed)));
            out.println(INDENT + AFTER_WORD + texts.format("report.pause.check", guess,
                    right ? style.good(texts.format("report.pause.right")) : style.warn(texts.format("report.pause.wrong")),
                    show(observed)));
        }
        out.flush();
    }

    /**
     * A value as the reader sees it: a result of several parts ({@code value}, {@code array}) with
     * each part named in the reader's words where the bundles have them ({@code outcome.part.value}).
     */
    private String show(Object value) {
        if (value instanceof java.util.Map<?, ?> parts) {
            List<String> shown = new java.util.ArrayList<>();
            for (var part : parts.entrySet()) {
                String key = "outcome.part." + part.getKey();
                shown.add((texts.containsKey(key) ? texts.format(key) : String.valueOf(part.getKey())) + " "
                        + Values.show(part.getValue()));
            }
            return String.join(texts.format("outcome.partSeparator"), shown);
        }
        return Values.show(value);
    }

    /** A guess as compared: full-width digits and commas typed with a Chinese input method as ASCII, no spaces. */
    private static String normalise(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replace('，', ',')
                .replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** One line of the program's own output, indented under its variant heading. */
    public void programLine(String line) {
        out.println(INDENT + line);
        out.flush();
    }

    public void verdict(VariantResult r) {
        Outcome o = r.outcome();
        String word = word(r);
        String expected = texts.format("report.expected", show(o.expected()));
        String observed = texts.format("report.observed", show(o.observed()));
        String explanation = texts.format(meaning(r), texts.format(o.explanation()));
        if (o.expected() == null || o.observed() == null) { // stopped or failed before a result was seen
            out.println((INDENT + "=> " + word).stripTrailing());
        } else if (Width.of(expected) + Width.of(observed) + 2 <= WIDTH - 14) {
            out.println(INDENT + "=> " + word + "  " + texts.format("report.expectedObserved", expected, observed));
        } else {
            out.println(INDENT + "=> " + word + "  " + expected);
            out.println(INDENT + AFTER_WORD + observed);
        }
        for (String line : Width.wrap(explanation, WIDTH - 2 - AFTER_WORD.length())) {
            out.println(INDENT + AFTER_WORD + line);
        }
        out.flush();
    }

    /**
     * The key of the pattern that puts the explanation after what the verdict means for this role
     * in a few words (nothing when the word says it all).
     */
    private static String meaning(VariantResult r) {
        return switch (r.verdict()) {
            case WRONG -> switch (r.role()) {
                case BUGGY -> "report.meaning.bugShowed";
                case FIXED -> "report.meaning.fixFailed";
                case MEASURED -> "report.meaning.measureWrong";
            };
            case LUCKY -> "report.meaning.lucky";
            case STUCK -> r.role() == Role.BUGGY && !r.outcome().timedOut() ? "report.meaning.neverFinished"
                    : "report.meaning.didNotFinish";
            case CORRECT, FAILED, INTERRUPTED -> "report.meaning.none";
        };
    }

    private String role(Role role) {
        return texts.format("role." + role.word());
    }

    private String verdictWord(Verdict verdict) {
        return texts.format("verdict." + verdict.word());
    }

    /** The summary table of a lesson run as {@code heading} ({@code locks --processes}). */
    public void summary(LessonReport report, String heading) {
        List<VariantResult> rs = report.variants();
        List<String> head = List.of(texts.format("summary.variant"), texts.format("summary.role"),
                texts.format("summary.verdict"), texts.format("summary.asExpected"), texts.format("summary.time"));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (VariantResult r : rs) {
            rows.add(List.of(r.label(), role(r.role()), texts.format("summary.verdict." + r.verdict().word()),
                    asExpected(r), texts.format("summary.millis", r.elapsed().toMillis())));
        }
        // every word a column could hold sets its width, so that the table has one shape whatever the verdicts
        List<List<String>> possible = new java.util.ArrayList<>(concat(head, rows));
        for (Role role : List.of(Role.BUGGY, Role.FIXED)) { // a measured row widens the column itself
            possible.add(List.of("", role(role), "", "", ""));
        }
        for (Verdict verdict : List.of(Verdict.WRONG, Verdict.LUCKY)) { // a buggy variant's two usual words
            possible.add(List.of("", "", texts.format("summary.verdict." + verdict.word()), "", "12345 ms"));
        }
        for (String key : List.of("summary.yes", "summary.NO", "summary.bugShowed", "summary.notThisTime", "summary.no",
                "summary.answerRight")) {
            possible.add(List.of("", "", "", texts.format(key), ""));
        }
        int[] widths = new int[head.size()];
        for (List<String> row : possible) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Width.of(row.get(i)));
            }
        }
        out.println();
        out.println(style.bold(texts.format("summary.heading", heading)));
        out.println(style.dim(summaryRow(head, widths)));
        for (int i = 0; i < rs.size(); i++) {
            String line = summaryRow(rows.get(i), widths);
            out.println(rs.get(i).failsLesson() ? style.bad(line) : line);
        }
        out.flush();
    }

    private static List<List<String>> concat(List<String> head, List<List<String>> rows) {
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(head);
        all.addAll(rows);
        return all;
    }

    /** One row of the summary: columns padded by display width, the time right-aligned. */
    private static String summaryRow(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder(INDENT);
        for (int i = 0; i < cells.size() - 1; i++) {
            sb.append(Width.pad(cells.get(i), widths[i])).append("  ");
        }
        sb.append(Width.padLeft(cells.get(cells.size() - 1), widths[widths.length - 1]));
        return sb.toString().stripTrailing();
    }

    /** The verdict in one coloured upper-case word, seven columns wide: green when as expected. */
    private String word(VariantResult r) {
        String word = Width.pad(verdictWord(r.verdict()), 7);
        if (r.failsLesson()) {
            return style.bad(word);
        }
        return r.asExpected() ? style.good(word) : style.warn(word);
    }

    /** For the summary: whether a variant did what the lesson expects of it, in a few words. */
    String asExpected(VariantResult r) {
        if (r.role() == Role.MEASURED) { // measured: what it shows is in its numbers; its answer is what is graded
            return texts.format(r.verdict() == Verdict.CORRECT ? "summary.answerRight" : "summary.NO");
        }
        if (r.role() != Role.BUGGY) {
            return texts.format(r.verdict() == Verdict.CORRECT ? "summary.yes" : "summary.NO");
        }
        if (r.asExpected()) {
            return texts.format("summary.bugShowed");
        }
        return texts.format(r.verdict() == Verdict.LUCKY ? "summary.notThisTime" : "summary.no");
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
                if (r.role() == Role.MEASURED) {
                    continue; // measured, not a bug nor a fix: its lesson passes or fails on its own
                }
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
        int measured = 0;
        int measuredRight = 0;
        for (LessonReport report : reports) {
            for (VariantResult r : report.variants()) {
                if (r.role() == Role.MEASURED) {
                    measured++;
                    measuredRight += r.verdict() == Verdict.CORRECT ? 1 : 0;
                }
            }
        }
        out.println();
        out.println(style.bold(texts.format("overall.heading", reports.size())));
        String fixLabel = texts.format("overall.fixes");
        String bugLabel = texts.format("overall.bugs");
        int labelWidth = Math.max(Math.max(Width.of(fixLabel), Width.of(bugLabel)), Width.of(texts.format("overall.measured")));
        String fixLine = INDENT + Width.pad(fixLabel, labelWidth) + " " + texts.format("overall.count", fixesHeld, fixes);
        out.println(fixesHeld == fixes ? fixLine : style.bad(fixLine));
        out.println(INDENT + Width.pad(bugLabel, labelWidth) + " " + texts.format("overall.count", bugsShown, bugs)
                + (lucky == 0 ? "" : texts.format("overall.lucky", lucky))
                + (unfinished == 0 ? "" : texts.format("overall.unfinished", unfinished)));
        if (measured > 0) {
            String line = INDENT + Width.pad(texts.format("overall.measured"), labelWidth) + " "
                    + texts.format("overall.count", measuredRight, measured);
            out.println(measuredRight == measured ? line : style.bad(line));
        }
        out.flush();
    }

    /** After the trials of one variant: how many went wrong. */
    public void trialsVerdict(VariantResult r) {
        TrialsResult t = r.trials();
        String word = word(r);
        if (t == null) {
            out.println(INDENT + "=> " + word + "  " + texts.format(r.outcome().explanation()));
        } else {
            out.println(INDENT + "=> " + word + "  " + texts.format("trials.verdict", t.wrong(), t.trials(),
                    percent(t.share(t.wrong())), perSecond(t.trialsPerSecond())));
            if (r.verdict() == Verdict.LUCKY) {
                out.println(INDENT + AFTER_WORD + texts.format("trials.lucky"));
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
        List<String> shown = keys.subList(0, Math.min(MAX_ROWS, keys.size()));
        boolean anyLost = rs.stream().anyMatch(r -> r.trials().lostUpdates() != null);

        // the first column: each outcome (cut at 24 columns), and the labels of the rows below them
        String outcomeLabel = texts.format("trials.outcome");
        String more = texts.format("trials.more", keys.size() - shown.size());
        String wrongLabel = texts.format("trials.wrongTotal");
        String lostLabel = texts.format("trials.lostUpdates");
        int keyWidth = Math.max(Width.of(outcomeLabel), Width.of(wrongLabel));
        keyWidth = Math.max(keyWidth, keys.size() > shown.size() ? Width.of(more) : 0);
        keyWidth = Math.max(keyWidth, anyLost ? Width.of(lostLabel) : 0);
        for (String k : shown) {
            keyWidth = Math.max(keyWidth, Math.min(24, Width.of(outcome(k))));
        }
        int rightWidth = Math.max(Width.of(texts.format("trials.right")), Width.of(texts.format("trials.wrong"))) + 1;
        String gap = " ".repeat(2 + rightWidth);
        // one column per variant: its count, share and bar, wide enough for its name and its lost updates
        int[] columns = new int[rs.size()];
        List<String> lostCells = new java.util.ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            long[] l = rs.get(i).trials().lostUpdates();
            lostCells.add(l == null ? "" : texts.format("trials.lostRange", l[0], l[1], l[2]));
            columns[i] = Math.max(CELL, Math.max(Width.of(rs.get(i).label()), Width.of(lostCells.get(i))));
        }
        char block = unicode() ? '\u2588' : '#';
        StringBuilder head = new StringBuilder(INDENT + pad(outcomeLabel, keyWidth) + gap);
        for (int i = 0; i < rs.size(); i++) {
            head.append(pad(rs.get(i).label(), columns[i])).append("  ");
        }
        out.println();
        String names = String.join(texts.format("trials.vs"), rs.stream().map(VariantResult::label).toList());
        out.println(style.bold(texts.format("trials.heading", names, rs.get(0).trials().trials())));
        out.println(style.dim(head.toString().stripTrailing()));
        for (String k : shown) {
            StringBuilder line = new StringBuilder(INDENT + pad(Width.clip(outcome(k), keyWidth), keyWidth) + "  "
                    + pad(texts.format(correct.get(k) ? "trials.right" : "trials.wrong"), rightWidth));
            for (int i = 0; i < rs.size(); i++) {
                int count = count(rs.get(i).trials(), k);
                double share = rs.get(i).trials().share(count);
                int bar = count == 0 ? 0 : Math.max(1, (int) Math.round(share * BAR));
                line.append(pad(cell(count, share, String.valueOf(block).repeat(bar)), columns[i])).append("  ");
            }
            String text = line.toString().stripTrailing();
            out.println(!correct.get(k) && rs.stream().anyMatch(r -> r.role() != Role.BUGGY && count(r.trials(), k) > 0)
                    ? style.bad(text) : text);
        }
        if (keys.size() > shown.size()) {
            StringBuilder line = new StringBuilder(INDENT + pad(more, keyWidth) + gap);
            for (int i = 0; i < rs.size(); i++) {
                int rest = rs.get(i).trials().trials();
                for (String k : shown) {
                    rest -= count(rs.get(i).trials(), k);
                }
                line.append(pad(cell(rest, rs.get(i).trials().share(rest), ""), columns[i])).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        StringBuilder wrong = new StringBuilder(INDENT + pad(wrongLabel, keyWidth) + gap);
        StringBuilder lost = new StringBuilder(INDENT + pad(lostLabel, keyWidth) + gap);
        for (int i = 0; i < rs.size(); i++) {
            TrialsResult t = rs.get(i).trials();
            wrong.append(pad(cell(t.wrong(), t.share(t.wrong()), ""), columns[i])).append("  ");
            lost.append(pad(lostCells.get(i), columns[i])).append("  ");
        }
        out.println(wrong.toString().stripTrailing());
        if (anyLost) {
            out.println(lost.toString().stripTrailing());
        }
        out.flush();
    }

    /** A variant's cell in a row of the trials table: count, share and bar, {@value #CELL} columns. */
    private static final int CELL = 6 + 1 + 6 + 1 + BAR;

    private static String cell(int count, double share, String bar) {
        return String.format(Locale.ROOT, "%6d %6s %-" + BAR + "s", count, percent(share), bar);
    }

    /** An outcome as the table shows it: a run that ended with no result (stopped) says so. */
    private String outcome(String key) {
        return key.equals("null") ? texts.format("trials.noResult") : key;
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
        return Width.pad(s, width);
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

}
