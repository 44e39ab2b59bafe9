package concurrencydemo.docs;

import concurrencydemo.Cli;
import concurrencydemo.Cli.Result;
import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/ and the program in step: every {@code ```text} block in docs/ that starts with
 * {@code $ ./demo …} is run now, and its output must have the same shape as the block. What varies
 * from run to run (numbers, pids, times, how many lines of one kind, the wording of a verdict's
 * explanation and whether a racy run happened to diverge) is matched by shape; everything else
 * exactly.
 *
 * <p>The exercise commands of a page share one working folder, a temporary one that the output
 * names {@code demo-exercises} as a student's would; a {@code <!-- docs: solve <name> -->} line
 * before a block puts demo's solution into that folder first, as the student would have edited it.
 * Their output is compared as one paragraph, since where a long line wraps depends on its numbers.
 */
@Timeout(120)
class DocsTest {
    private static final Pattern BLOCK = Pattern.compile("```text\\n(\\$ \\./demo [^\\n]*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SOLVE = Pattern.compile("<!-- docs: solve ([a-z-]+) -->");
    private static final List<String> EXERCISE_COMMANDS = List.of("exercises", "exercise", "check", "hint");

    /** Where the pages' working folders go: deleted after the tests. */
    @TempDir
    static Path scratch;

    @TestFactory
    @DisplayName("every output block in docs/ and docs/zh-CN/ matches what the program prints now")
    Stream<DynamicTest> outputBlocksMatchTheProgram() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : List.of(Path.of("docs"), Path.of("docs/zh-CN"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> pages = Files.list(dir)) {
                for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    String text = Files.readString(page);
                    Matcher m = BLOCK.matcher(text);
                    Path[] workbook = new Path[1]; // the page's working folder, made by its first exercise block
                    int end = 0;
                    while (m.find()) {
                        String command = m.group(1);
                        String shown = m.group(2);
                        Matcher solve = SOLVE.matcher(text.substring(end, m.start()));
                        String solved = solve.find() ? solve.group(1) : null;
                        end = m.end();
                        tests.add(DynamicTest.dynamicTest(page + ": " + command,
                                () -> assertSameShape(command, shown, workbook, solved)));
                    }
                }
            }
        }
        assertThat(tests).withFailMessage("no output blocks found in docs/").hasSizeGreaterThan(5);
        return tests.stream();
    }

    @Test
    @DisplayName("every English page has its Chinese twin, with the same commands in the same order")
    void chinesePagesMirrorTheEnglishOnes() throws IOException {
        try (Stream<Path> pages = Files.list(Path.of("docs"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Path twin = Path.of("docs/zh-CN").resolve(page.getFileName());
                assertThat(twin).withFailMessage("%s has no Chinese twin %s", page, twin).exists();
                assertThat(commands(twin)).withFailMessage("%s and %s show different commands", page, twin)
                        .isEqualTo(commands(page).stream().map(c -> c + " --lang zh-CN").toList());
            }
        }
    }

    private static List<String> commands(Path page) throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(page));
        while (m.find()) {
            commands.add(m.group(1));
        }
        return commands;
    }

    private static void assertSameShape(String command, String shown, Path[] workbook, String solved)
            throws IOException {
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("$ ./demo ".length()).split(" ")));
        args.add("--no-color");
        boolean exercise = EXERCISE_COMMANDS.contains(args.get(0));
        if (exercise) {
            if (workbook[0] == null) {
                workbook[0] = Files.createTempDirectory(scratch, "page");
            }
            args.add("--dir");
            args.add(workbook[0].resolve("demo-exercises").toString());
            if (solved != null) {
                Exercise e = Exercises.named(solved).orElseThrow();
                Files.writeString(workbook[0].resolve("demo-exercises").resolve(solved).resolve(e.fileName()),
                        Workbook.solutionText(e, Language.fromArgs(args.toArray(String[]::new)).orElse(Language.ENGLISH)));
            }
        }
        Result r = Cli.run(args.toArray(String[]::new));
        // The --dir this test adds is echoed in the commands demo suggests; the docs' commands have none.
        String folder = workbook[0] == null ? "" : workbook[0].resolve("demo-exercises").toString();
        String out = exercise ? r.out().replace(" --dir " + folder, "").replace(folder, "demo-exercises")
                .replace("\n  ", " ") : r.out();
        String docs = exercise ? shown.replace("\n  ", " ") : shown;
        Texts texts = Texts.of(Language.fromArgs(args.toArray(String[]::new)).orElse(Language.ENGLISH));
        assertThat(shape(out, texts))
                .withFailMessage("'%s' now prints:%n%s%nbut the docs show:%n%s", command, r.out(), shown)
                .isEqualTo(shape(docs, texts));
    }

    /**
     * The lines of {@code text}, each note of demo's (# …) on one line: a note wraps with a hanging
     * indent (#   …) where its numbers put the break, which varies from run to run. A trace's rows,
     * which also begin #   , stay rows.
     */
    static List<String> joinNotes(String text, String tracePrefix) {
        List<String> joined = new ArrayList<>();
        boolean inTrace = false;
        for (String line : text.split("\n")) {
            boolean continuation = line.matches("\\s*#   \\S.*");
            int last = joined.size() - 1;
            if (continuation && !inTrace && last >= 0 && joined.get(last).strip().startsWith("# ")) {
                joined.set(last, joined.get(last) + " " + line.strip().substring(1).strip());
                continue;
            }
            inTrace = line.matches("\\s*# " + tracePrefix + "[:：].*") || (inTrace && continuation);
            joined.add(line);
        }
        return joined;
    }

    /** The output reduced to what must not change, for a page in the language of {@code texts}. */
    static List<String> shape(String text, Texts texts) {
        String wrong = Pattern.quote(texts.format("verdict.wrong"));
        String lucky = Pattern.quote(texts.format("verdict.lucky"));
        String wrongWord = Pattern.quote(texts.format("summary.verdict.wrong"));
        String luckyWord = Pattern.quote(texts.format("summary.verdict.lucky"));
        String showed = Pattern.quote(texts.format("summary.bugShowed"));
        String notThisTime = Pattern.quote(texts.format("summary.notThisTime"));
        // a histogram row's label: which rows a run has (a lucky one, say) depends on the run
        String rowLabel = String.join("|", Stream.of("correct", "lucky", "wrong", "stuck")
                .map(kind -> Pattern.quote(texts.format("trials.row." + kind))).toList());
        String time = Pattern.quote(texts.format("trace.time"));
        String tracePrefix = Pattern.quote(texts.format("trace.nothing").replaceAll("[:：].*", ""));
        String watchdog = texts.format("watchdog.leftRunning", "").replaceAll("[:：].*", "");
        String running = Pattern.quote(texts.format("process.running", "", "").replaceAll(".*[)）]", "").strip());
        String exited = Pattern.quote(texts.format("process.exited", "", "", "#").replaceAll(".*[)）]", "").strip());
        List<String> lines = new ArrayList<>();
        for (String line : joinNotes(text.replace("\r\n", "\n"), tracePrefix)) {
            if (line.startsWith(" ".repeat(14))) {
                continue; // a verdict's explanation: its words depend on what happened
            }
            if (line.strip().startsWith("…")) {
                continue; // "… n more" outcomes of a histogram
            }
            if (line.matches("\\s*# \\s*([+-]\\d.*|" + time + "\\s.*)")) {
                continue; // the steps of a trace: which ones depends on how the run interleaved
            }
            boolean histogramRow = line.matches(".*\\d%.*") && !line.contains("=>");
            String s = (histogramRow ? line.replaceAll("(?<![\\p{L}\\p{N}])(" + rowLabel + ")(?![\\p{L}\\p{N}])", "<rw>")
                    : line)
                    // a buggy variant's verdict depends on the run (lucky or wrong); a fixed one's never does
                    .replaceAll("=> (" + wrong + "|" + lucky + ") ", "=> <bug-verdict> ")
                    .replaceAll("(" + wrongWord + "|" + luckyWord + ") +(" + showed + "|" + notThisTime + ")",
                            "<bug-verdict> <as-expected>")
                    .replaceAll("\\[[^\\]]*\\]", "[…]")
                    .replaceAll("[\u2588#]+", "") // histogram bars, Unicode or ASCII
                    .replaceAll("-?\\d+(\\.\\d+)?", "#")
                    .replaceAll("#+", "#")
                    .replaceAll("#(us|ms)", "#<t>")
                    .replaceAll(tracePrefix + "[:：].*", "trace: <what>")
                    .replaceAll("(" + running + "|" + exited + ")", "<state>")
                    .replaceAll("\\s+", " ")
                    .strip();
            if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(s)) {
                lines.add(s);
            }
        }
        // the watchdog's notes on processes stopped together come in process order, whichever threw
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(watchdog) && lines.get(i + 1).startsWith(watchdog)
                    && lines.get(i).compareTo(lines.get(i + 1)) > 0) {
                String first = lines.get(i);
                lines.set(i, lines.get(i + 1));
                lines.set(i + 1, first);
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
