package concurrencydemo.report;

import java.util.Locale;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders a lesson as text for a terminal or a projector: a heading, each variant's program output
 * with its verdict, then a summary table. Lines stay within 80 columns except for program output
 * that is itself longer.
 */
public final class TextReport implements Renderer {
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

    @Override
    public boolean live() {
        return true;
    }

    /** Two blank lines between lessons. */
    @Override
    public void betweenLessons() {
        out.println();
        out.println();
    }

    /** The lesson's name and the seed's headings it ports (in normal weight: they are read), then its title. */
    @Override
    public void lessonHeading(String lesson, String title, List<String> sections) {
        out.println(style.heading(lesson) + " · " + String.join(" · ", sections));
        for (String line : Width.wrap(title, WIDTH)) {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void variantHeading(int index, int count, String name, String section, Role role) {
        String head = texts.format("report.variantHeading", index, count, name, role(role), section);
        out.println();
        out.println(style.bold(head));
        out.flush();
    }

    /** One line of demo's about the run itself, under the lesson's heading. */
    @Override
    public void notice(String line) {
        for (String part : Width.wrap(line, WIDTH)) {
            out.println(style.dim(part));
        }
        out.flush();
    }

    /**
     * With --pause, before a variant runs: asks the class to predict. A free question and its hint
     * on one line; "all, or fewer?" on its own line, and what it takes on the line the answer is
     * typed on.
     */
    @Override
    public void predictionPrompt(String question, Long countAsked) {
        if (countAsked == null) {
            out.print(INDENT + style.bold("? " + question) + style.dim(texts.format("report.pause.hint")) + " ");
        } else {
            out.println(INDENT + style.bold("? " + question));
            out.print(INDENT + "  " + style.dim(texts.format("report.pause.choiceHint")) + " ");
        }
        out.flush();
    }

    /** With --pause: an answer to "all, or fewer?" that is neither; what it takes, before it asks again. */
    @Override
    public void predictionNotUnderstood(String typed, long countAsked) {
        for (String line : Width.wrap(texts.format("report.pause.notUnderstood", typed, countAsked), WIDTH - 4)) {
            out.println(INDENT + "  " + style.warn(line));
        }
        out.flush();
    }

    /** With --pause: the input ended (Ctrl-D) at the prompt: the line ends, and the variant runs. */
    @Override
    public void predictionEnded() {
        out.println();
        out.println(INDENT + "  " + style.dim(texts.format("report.pause.ended")));
        out.flush();
    }

    /** After the verdict: whether the class's prediction was what the program did. */
    @Override
    public void predictionCheck(Prediction guess, VariantResult r) {
        if (guess.isChoice()) {
            choiceCheck(guess, r);
            return;
        }
        Object observed = r.outcome().observed();
        if (r.role() == Role.MEASURED && r.outcome().speedup() != null) {
            // a measured guess is of a number that varies from run to run: shown beside it, not graded
            printAfterWord(texts.format("report.pause.measured", guess.typed(),
                    String.format(Locale.ROOT, "%.1f", r.outcome().speedup())));
            return;
        }
        if (observed == null) {
            printAfterWord(texts.format("report.pause.noResult", guess.typed()));
        } else {
            // a lesson whose result has several parts (the Value and the Array) asks about its first
            String typed = normalise(guess.typed());
            boolean right = typed.equals(normalise(show(first(observed)))) || typed.equals(normalise(show(observed)));
            printAfterWord(texts.format("report.pause.check", guess.typed(), rightOrWrong(right), show(observed)));
        }
    }

    /**
     * "All, or fewer?" graded by what happened: all when the count (a result's first part) came out
     * right, fewer when it fell short. A buggy program that kept every update this time is still
     * buggy, and the line after says so.
     */
    private void choiceCheck(Prediction guess, VariantResult r) {
        String answer = texts.format(guess.choice() == Prediction.Choice.ALL ? "report.pause.answer.all"
                : "report.pause.answer.fewer", guess.all());
        if (guess.isNumber() && guess.choice() == Prediction.Choice.FEWER) { // the right number is just "all"
            answer = texts.format("report.pause.answer.number", guess.typed(), answer);
        }
        Object observed = first(r.outcome().observed());
        Object expected = first(r.outcome().expected());
        if (r.outcome().stuck() || !(observed instanceof Number got) || !(expected instanceof Number all)) {
            printAfterWord(texts.format("report.pause.noResult", answer)); // stopped: it never ended with a count
            return;
        }
        Prediction.Choice happened = got.longValue() == all.longValue() ? Prediction.Choice.ALL : Prediction.Choice.FEWER;
        if (r.verdict() == Verdict.LUCKY && guess.choice() == Prediction.Choice.FEWER) {
            // the lesson's point, guessed: the program is buggy, though this run kept every update
            printAfterWord(texts.format("report.pause.luckyFewer", answer, Values.show(got)));
            return;
        }
        printAfterWord(texts.format("report.pause.check", answer, rightOrWrong(guess.choice() == happened),
                Values.show(got)));
        if (r.verdict() == Verdict.LUCKY) {
            printAfterWord(texts.format("report.pause.lucky"));
        }
    }

    private String rightOrWrong(boolean right) {
        return right ? style.good(texts.format("report.pause.right")) : style.warn(texts.format("report.pause.wrong"));
    }

    /** Lines under the text after {@code => WORD}, wrapped to the report's width. */
    private void printAfterWord(String text) {
        for (String line : Width.wrap(text, WIDTH - AFTER_WORD.length() - INDENT.length())) {
            out.println(INDENT + AFTER_WORD + line);
        }
        out.flush();
    }

    /** A result of several parts (the Value, the Array): its first; any other result itself. */
    private static Object first(Object value) {
        return value instanceof java.util.Map<?, ?> parts && !parts.isEmpty() ? parts.values().iterator().next() : value;
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
    @Override
    public void programLine(String line) {
        out.println(INDENT + line);
        out.flush();
    }

    @Override
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
    @Override
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
        // the time right-aligned
        Table table = Table.indented(INDENT).left("  ").left("  ").left("  ").left("  ").right("");
        for (List<String> row : possible) {
            table.fit(row);
        }
        out.println();
        out.println(style.bold(texts.format("summary.heading", heading)));
        out.println(style.dim(table.row(head)));
        for (int i = 0; i < rs.size(); i++) {
            String line = table.row(rows.get(i));
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
    @Override
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
        String measuredLabel = texts.format("overall.measured");
        Table table = Table.indented(INDENT).left(" ").left("")
                .fit(List.of(fixLabel)).fit(List.of(bugLabel)).fit(List.of(measuredLabel));
        String fixLine = table.row(List.of(fixLabel, texts.format("overall.count", fixesHeld, fixes)));
        out.println(fixesHeld == fixes ? fixLine : style.bad(fixLine));
        out.println(table.row(List.of(bugLabel, texts.format("overall.count", bugsShown, bugs)
                + (lucky == 0 ? "" : texts.format("overall.lucky", lucky))
                + (unfinished == 0 ? "" : texts.format("overall.unfinished", unfinished)))));
        if (measured > 0) {
            String line = table.row(List.of(measuredLabel, texts.format("overall.count", measuredRight, measured)));
            out.println(measuredRight == measured ? line : style.bad(line));
        }
        out.flush();
    }

    /** After the trials of one variant: how many went wrong. */
    @Override
    public void trialsVerdict(VariantResult r) {
        TrialsResult t = r.trials();
        String word = word(r);
        if (t == null) {
            verdictLine(word, texts.format(r.outcome().explanation()));
        } else {
            verdictLine(word, t.stuck() == 0
                    ? texts.format("trials.verdict", t.wrong(), t.trials(), percent(t.share(t.wrong())),
                            perSecond(t.trialsPerSecond()))
                    : texts.format("trials.verdictStuck", t.stuck(), t.trials(), percent(t.share(t.stuck())), t.wrong(),
                            perSecond(t.trialsPerSecond())));
            if (r.verdict() == Verdict.LUCKY) {
                out.println(INDENT + AFTER_WORD + texts.format("trials.lucky"));
            }
        }
        out.flush();
    }

    /** {@code => WORD  text}, the text wrapped under itself within the report's width. */
    private void verdictLine(String word, String text) {
        List<String> lines = Width.wrap(text, WIDTH - INDENT.length() - AFTER_WORD.length());
        for (int i = 0; i < lines.size(); i++) {
            out.println(i == 0 ? INDENT + "=> " + word + "  " + lines.get(0) : INDENT + AFTER_WORD + lines.get(i));
        }
    }

    private static final int MAX_ROWS = 8;
    private static final int BAR = 8;

    /**
     * The outcomes of one seed section's variants side by side, one column each, in the manner of
     * jcstress: a wrong outcome that a fixed variant never produced shows 0 in its column.
     */
    @Override
    public void trialsTable(List<VariantResult> results) {
        List<VariantResult> rs = results.stream().filter(r -> r.trials() != null).toList();
        if (rs.isEmpty()) {
            return;
        }
        // one row per outcome and what it was worth: the right answer is correct from a fixed
        // variant and lucky from a buggy one, so that it has a row for each
        java.util.Map<RowKey, Integer> total = new java.util.LinkedHashMap<>();
        for (VariantResult r : rs) {
            for (TrialsResult.Row row : r.trials().histogram()) {
                total.merge(new RowKey(row.outcome(), RowKind.of(row, r.role())), row.count(), Integer::sum);
            }
        }
        List<RowKey> keys = rowOrder(total);
        List<RowKey> shown = shownRows(keys);
        boolean anyLost = rs.stream().anyMatch(r -> r.trials().lostUpdates() != null);

        // the first column: each outcome (cut at 24 columns), and the labels of the rows below them;
        // the second, whether the outcome is right; then one column per variant: its count, share
        // and bar, wide enough for its name and its lost updates
        String outcomeLabel = texts.format("trials.outcome");
        String more = texts.format("trials.more", keys.size() - shown.size());
        String wrongLabel = texts.format("trials.wrongTotal");
        String stuckLabel = texts.format("trials.stuckTotal");
        String lostLabel = texts.format("trials.lostUpdates");
        List<String> lostKinds = List.of(texts.format("trials.lost.min"), texts.format("trials.lost.median"),
                texts.format("trials.lost.max"));
        boolean anyStuck = rs.stream().anyMatch(r -> r.trials().stuck() > 0);
        Table table = Table.indented(INDENT).left("  ").left(" ");
        table.fit(List.of(outcomeLabel)).fit(List.of(wrongLabel));
        if (anyStuck) {
            table.fit(List.of(stuckLabel));
        }
        if (keys.size() > shown.size()) {
            table.fit(List.of(more));
        }
        if (anyLost) {
            table.fit(List.of(lostLabel));
            for (String kind : lostKinds) {
                table.fit(List.of("", kind));
            }
        }
        for (RowKey k : shown) {
            table.widen(0, Math.min(24, Width.of(outcome(k.outcome()))));
        }
        for (RowKind kind : RowKind.values()) {
            table.fit(List.of("", texts.format(kind.key)));
        }
        List<String> labels = rs.stream().map(VariantResult::label).toList();
        // a count as wide as the most trials; the bars as long as fit in 78 columns (8, 4 or 2)
        int digits = Math.max(2, Integer.toString(rs.stream().mapToInt(r -> r.trials().trials()).max().orElse(1)).length());
        int fixed = Width.of(INDENT) + table.width(0) + 2 + table.width(1);
        int bar = BAR;
        while (bar > 2 && fixed + columnsFor(labels, digits, bar) > WIDTH) {
            bar /= 2;
        }
        for (int i = 0; i < rs.size(); i++) {
            table.left("  ").widen(2 + i, cellWidth(digits, bar));
        }
        table.fit(cells("", "", labels));
        char block = unicode() ? '\u2588' : '#';
        out.println();
        String names = String.join(texts.format("trials.vs"), labels);
        out.println(style.bold(texts.format("trials.heading", names, rs.get(0).trials().trials())));
        out.println(style.dim(table.row(cells(outcomeLabel, "", labels))));
        for (RowKey k : shown) {
            List<String> counts = new java.util.ArrayList<>();
            for (VariantResult r : rs) {
                int count = count(r, k);
                double share = r.trials().share(count);
                int length = count == 0 ? 0 : Math.max(1, (int) Math.round(share * bar));
                counts.add(cell(digits, bar, count, share, String.valueOf(block).repeat(length)));
            }
            String text = table.row(cells(Width.clip(outcome(k.outcome()), table.width(0)), texts.format(k.kind().key),
                    counts));
            boolean broken = (k.kind() == RowKind.WRONG || k.kind() == RowKind.STUCK)
                    && rs.stream().anyMatch(r -> r.role() != Role.BUGGY && count(r, k) > 0);
            out.println(broken ? style.bad(text) : text);
        }
        if (keys.size() > shown.size()) {
            List<String> rests = new java.util.ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                int rest = rs.get(i).trials().trials();
                for (RowKey k : shown) {
                    rest -= count(rs.get(i), k);
                }
                rests.add(cell(digits, bar, rest, rs.get(i).trials().share(rest), ""));
            }
            out.println(table.row(cells(more, "", rests)));
        }
        List<String> wrongs = new java.util.ArrayList<>();
        for (VariantResult r : rs) {
            TrialsResult t = r.trials();
            wrongs.add(cell(digits, bar, t.wrong(), t.share(t.wrong()), ""));
        }
        out.println(table.row(cells(wrongLabel, "", wrongs)));
        if (anyStuck) {
            List<String> stucks = new java.util.ArrayList<>();
            for (VariantResult r : rs) {
                stucks.add(cell(digits, bar, r.trials().stuck(), r.trials().share(r.trials().stuck()), ""));
            }
            out.println(table.row(cells(stuckLabel, "", stucks)));
        }
        if (anyLost) { // a row each for the fewest, the median and the most: one number per cell
            for (int m = 0; m < 3; m++) {
                List<String> lost = new java.util.ArrayList<>();
                for (VariantResult r : rs) {
                    long[] l = r.trials().lostUpdates();
                    lost.add(l == null ? "" : Long.toString(l[m]));
                }
                out.println(table.row(cells(m == 0 ? lostLabel : "", lostKinds.get(m), lost)));
            }
        }
        out.flush();
    }

    /** The columns the variants' columns take, each with its gap before it. */
    private static int columnsFor(List<String> labels, int digits, int bar) {
        int columns = 0;
        for (String label : labels) {
            columns += 2 + Math.max(Width.of(label), cellWidth(digits, bar));
        }
        return columns;
    }

    /** A row of the trials table: its first two cells, then one per variant. */
    private static List<String> cells(String first, String second, List<String> perVariant) {
        List<String> cells = new java.util.ArrayList<>(List.of(first, second));
        cells.addAll(perVariant);
        return cells;
    }

    /** The columns of a variant's cell in the trials table: count, share (100.0%) and bar. */
    private static int cellWidth(int digits, int bar) {
        return digits + 1 + 6 + 1 + bar;
    }

    private static String cell(int digits, int barWidth, int count, double share, String bar) {
        return String.format(Locale.ROOT, "%" + digits + "d %6s %-" + barWidth + "s", count, percent(share), bar);
    }

    /** An outcome as the table shows it: a run that ended with no result (stopped) says so. */
    private String outcome(String key) {
        return key.equals("null") ? texts.format("trials.noResult") : key;
    }

    /** A row of the trials table: an outcome, and what it was worth from the variants that gave it. */
    private record RowKey(String outcome, RowKind kind) {
    }

    /** What an outcome was worth, by the verdict a single run ending so would get. */
    private enum RowKind {
        CORRECT("trials.row.correct"), LUCKY("trials.row.lucky"), WRONG("trials.row.wrong"), STUCK("trials.row.stuck");

        final String key;

        RowKind(String key) {
            this.key = key;
        }

        static RowKind of(TrialsResult.Row row, Role role) {
            return row.stuck() ? STUCK : !row.correct() ? WRONG : role == Role.BUGGY ? LUCKY : CORRECT;
        }
    }

    /**
     * The rows in the order shown: outcomes by how often they came, most first (in the order first
     * seen when as often), and each outcome's rows together, correct above lucky above wrong above
     * stuck, so that a lucky row sits right under the correct row of the same answer.
     */
    private static List<RowKey> rowOrder(java.util.Map<RowKey, Integer> total) {
        java.util.Map<Object, Integer> byOutcome = new java.util.LinkedHashMap<>();
        total.forEach((k, n) -> byOutcome.merge(k.outcome(), n, Integer::sum));
        List<Object> outcomes = new java.util.ArrayList<>(byOutcome.keySet());
        outcomes.sort((a, b) -> Integer.compare(byOutcome.get(b), byOutcome.get(a))); // stable
        List<RowKey> keys = new java.util.ArrayList<>(total.keySet());
        keys.sort(java.util.Comparator.comparingInt((RowKey k) -> outcomes.indexOf(k.outcome()))
                .thenComparing(RowKey::kind));
        return keys;
    }

    /**
     * The first {@value #MAX_ROWS} rows, or fewer: an outcome's rows are shown all or none (its
     * lucky row never falls into "… n more" while its correct row is shown); the first outcome's
     * always.
     */
    private static List<RowKey> shownRows(List<RowKey> keys) {
        List<RowKey> shown = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); ) {
            int end = i;
            while (end < keys.size() && keys.get(end).outcome().equals(keys.get(i).outcome())) {
                end++;
            }
            if (!shown.isEmpty() && shown.size() + (end - i) > MAX_ROWS) {
                break;
            }
            shown.addAll(keys.subList(i, end));
            i = end;
        }
        return shown;
    }

    /** How often variant {@code r} gave the outcome of row {@code k}. */
    private static int count(VariantResult r, RowKey k) {
        for (TrialsResult.Row row : r.trials().histogram()) {
            if (row.outcome().equals(k.outcome()) && RowKind.of(row, r.role()) == k.kind()) {
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
