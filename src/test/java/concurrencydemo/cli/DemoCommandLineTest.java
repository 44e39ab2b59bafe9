package concurrencydemo.cli;

import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.report.Language;
import concurrencydemo.report.Style;
import concurrencydemo.report.TextReport;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencydemo.Cli;
import concurrencydemo.Cli.Result;
import org.junit.jupiter.api.DisplayName;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class DemoCommandLineTest {

    @Test
    @DisplayName("demo --version prints the version from the build and exits 0")
    void versionComesFromTheBuild() {
        Result r = Cli.run("--version");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("demo 0.").contains("Java " + Runtime.version().feature());
    }

    @Test
    @DisplayName("demo --help names every lesson and the exit codes")
    void helpNamesTheLessons() {
        Result r = Cli.run("--help");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("threads", "locks", "list", "all", "Exit codes");
    }

    @Test
    @DisplayName("every subcommand belongs to exactly one group of the root help")
    void everySubcommandHasAGroup() {
        CommandLine root = Demo.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            Class<?> type = sub.getValue().getCommand().getClass();
            assertThat(Demo.GROUPS.stream().filter(g -> g.commands().contains(type)).count())
                    .withFailMessage("'%s' (%s) is in %s groups of Demo.GROUPS, not one", sub.getKey(), type.getName(),
                            Demo.GROUPS.stream().filter(g -> g.commands().contains(type)).count())
                    .isEqualTo(1);
        }
    }

    @Test
    @DisplayName("the root help lists lessons, exercises and the other commands under their headings, in both languages")
    void rootHelpGroupsTheCommands() {
        assertThat(Cli.run("--help").out()).containsSubsequence("Lessons, in teaching order:", "  threads",
                "  gil", "Exercises:", "  exercises", "  watch", "Other commands:", "  list", "  all", "  help",
                "  generate-completion", "Exit codes").doesNotContain("Commands:");
        assertThat(Cli.run("--help", "--lang", "zh-CN").out()).containsSubsequence("课程（按教学顺序）：", "  threads",
                "练习：", "  check", "其他命令：", "  help");
    }

    @Test
    @DisplayName("demo help <lesson> shows that lesson's options")
    void helpForOneLesson() {
        Result r = Cli.run("help", "locks");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Usage: demo locks", "--format", "--window", "--timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    @DisplayName("demo list, and each lesson's heading and title, stay within 78 columns: a projector shows 80")
    void listAndHeadingsFitAProjector(String lang) {
        Result list = Cli.run("list", "--no-color", "--lang", lang);
        assertThat(list.out().lines()).allMatch(line -> Width.of(line) <= 78, "within 78 columns");
        Language language = Language.parse(lang).orElseThrow();
        for (Lesson lesson : Catalog.lessons()) {
            Texts texts = Lesson.texts(language, List.of(lesson));
            java.io.StringWriter w = new java.io.StringWriter();
            new TextReport(new java.io.PrintWriter(w), Style.PLAIN, texts).lessonHeading(lesson.heading(), texts.format(
                    "usage.description"), lesson.sections().stream().map(Section::chinese).toList());
            assertThat(w.toString().lines()).as(lesson.name()).allMatch(line -> Width.of(line) <= 78, "within 78 columns");
        }
    }

    @Test
    @DisplayName("demo list shows every lesson once, in teaching order, with Chinese and English headings")
    void listShowsLessonsInOrder() {
        Result r = Cli.run("list");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsSubsequence("threads", "创建并开始线程", "Creating and starting threads",
                "locks", "使用锁处理资源竟态", "Using a lock");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("demo list without the parser prints exactly what demo list with it prints, lessons in the same order")
    void fastListMatchesParsedList() {
        for (String[] args : new String[][] {{"list"}, {"list", "--no-color"}}) {
            java.io.StringWriter fast = new java.io.StringWriter();
            assertThat(ListCommand.answerWithoutParser(args, new java.io.PrintWriter(fast))).isTrue();
            assertThat(fast.toString().replace("\r\n", "\n")).isEqualTo(parsedInTheEnvironmentsLanguage(args));
        }
        List<String> catalog = Catalog.lessons().stream().map(l -> l.name()).toList();
        List<String> subcommands = Demo.lessons(Demo.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()))).stream().map(l -> l.name()).toList();
        assertThat(catalog).isEqualTo(subcommands);
        assertThat(ListCommand.answerWithoutParser(new String[] {"list", "--bogus"}, new java.io.PrintWriter(new java.io.StringWriter())))
                .isFalse();
    }

    /**
     * What the parsed command line prints for {@code args}, in the language the fast paths speak:
     * the environment's (Cli.run speaks English whatever the locale).
     */
    private static String parsedInTheEnvironmentsLanguage(String[] args) {
        java.io.StringWriter out = new java.io.StringWriter();
        Demo.commandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter())).execute(args);
        return out.toString().replace("\r\n", "\n");
    }

    @Test
    @DisplayName("demo, -h and --help answered from the subcommands' annotations print exactly the full usage")
    void fastHelpMatchesFullHelp() {
        for (String[] args : new String[][] {{}, {"-h"}, {"--help"}}) {
            java.io.StringWriter fast = new java.io.StringWriter();
            assertThat(Demo.answerHelpWithoutSubcommands(args, new java.io.PrintWriter(fast))).isTrue();
            assertThat(fast.toString().replace("\r\n", "\n")).isEqualTo(parsedInTheEnvironmentsLanguage(args));
        }
        assertThat(Demo.answerHelpWithoutSubcommands(new String[] {"--help", "x"},
                new java.io.PrintWriter(new java.io.StringWriter()))).isFalse();
    }

    @Test
    @DisplayName("a misspelt lesson gets a suggestion on one line of stderr and exit code 2")
    void typoGetsSuggestion() {
        Result r = Cli.run("race-conditon");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("unknown lesson 'race-conditon'", "did you mean 'race-condition'?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Threads | unknown lesson 'Threads'; did you mean 'threads'?",
        "threads --trial 3 | unknown option '--trial'; did you mean '--trials'?",
        "threads --trac | unknown option '--trac'; did you mean '--trace'?",
        "check --trials 99999999999 | --trials must be at most 1000 for a check, not 99999999999",
        "list --lang zh-TW | demo speaks Simplified Chinese (zh-CN), not Traditional",
        "-V extra | unexpected argument 'extra'",
        "-V threads | unexpected argument 'threads'",
        "help threads locks | unexpected argument 'locks'"})
    @DisplayName("a usage error suggests what the user most likely meant, and names the real range")
    void usageErrorsSuggestTheNearest(String args, String said) {
        Result r = Cli.run(args.split(" "));
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(said);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "en_GB", "EN", "zh", "zh_CN", "zh-Hans", "zh-SG"})
    @DisplayName("--lang takes a language's regional variants where demo has that language")
    void langTakesVariants(String lang) {
        Result r = Cli.run("list", "--lang", lang);
        assertThat(r.exitCode()).withFailMessage(r.err()).isZero();
        assertThat(r.out()).contains(lang.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "Lessons, in teaching order" : "各课按教学顺序排列");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "threads --bogus", "threads --format yaml", "threads --timeout",
        "threads --timeout 0", "threads --timeout 11m", "threads --timeout soon", "threads --window 5s",
        "threads --window -1ms", "threads --window 10", "nosuchlesson", "threads extra", "threads --trials 0",
        "threads --trials 100001", "threads --trials many", "race-condition --trials", "list --bogus",
        "threads --timeout 9ms", "threads --timeout 0.000001ms", "threads --window 999999999m",
        "race-condition --window 11ms", "all --window 40ms", "-- threads"})
    @DisplayName("every bad command line gets one line on stderr, no stack trace, exit code 2")
    void badInputIsAUsageError(String line) {
        Result r = Cli.run(line.split(" "));
        assertThat(r.exitCode()).withFailMessage("exit code of '%s': %s", line, r.exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(r.err().strip().lines()).withFailMessage("stderr of '%s': %s", line, r.err()).hasSize(1);
        assertThat(r.err()).startsWith("demo: ").doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "threads --bogus", "threads --format yaml", "threads --timeout",
        "threads --timeout 0", "threads --timeout soon", "threads --window 5s", "threads --window 10",
        "nosuchlesson", "threads extra", "threads --trials 0", "threads --trials many", "list --bogus",
        "race-condition --window 11ms", "all --window 40ms", "threads --lang fr", "threads --lang",
        "threads --trials 2 --trials 3", "-- threads"})
    @DisplayName("in Chinese too: one line on stderr in Chinese, exit code 2, whether --lang comes first or last")
    void badInputIsAUsageErrorInChinese(String line) {
        for (String args : List.of("--lang zh-CN " + line, line + " --lang zh-CN")) {
            if (args.endsWith("--lang --lang zh-CN") || args.contains("-- threads --lang")) {
                continue; // there --lang is the missing value, or after '--' an argument
            }
            Result r = Cli.run(args.split(" "));
            assertThat(r.exitCode()).withFailMessage("exit code of '%s': %s", args, r.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().strip().lines()).withFailMessage("stderr of '%s': %s", args, r.err()).hasSize(1);
            assertThat(r.err()).startsWith("demo: ").doesNotContain("Exception", "\tat ", "see '", "must be", "Invalid")
                    .containsPattern("\\p{IsHan}");
        }
    }

    @Test
    @DisplayName("usage errors name what the user typed: no overflowed durations, no 'did you mean' the same word")
    void usageErrorsQuoteTheUser() {
        assertThat(Cli.run("threads", "--window", "999999999m").err()).contains("not 999999999m");
        assertThat(Cli.run("race-condition", "--window", "40ms").err())
                .contains("between 0 and 10ms for race-condition, not 40ms");
        assertThat(Cli.run("--", "threads").err()).contains("'--' ends the options").doesNotContain("did you mean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads --help", "threads -h", "locks --processes --help", "all --help", "all -h",
        "list --help", "list -h", "race-condition -h"})
    @DisplayName("every subcommand answers -h and --help with its usage and exit code 0")
    void everySubcommandAnswersHelp(String line) {
        Result r = Cli.run(line.split(" "));
        assertThat(r.exitCode()).withFailMessage("exit code of '%s': %s; %s", line, r.exitCode(), r.err())
                .isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Usage: demo " + line.split(" ")[0]);
        assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("a window a lesson's help allows works: the fixed variants stay right at threads' longest window")
    void longestAllowedWindowWorks() {
        Result r = Cli.run("threads", "--window", "1s", "--format", "json");
        assertThat(r.exitCode()).withFailMessage(r.out() + r.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("--format json prints one document: lesson, then each variant with its role, verdict and expected/observed/correct")
    void jsonShape() {
        Result r = Cli.run("threads", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(doc.get("lesson").getAsString()).isEqualTo("threads");
        JsonArray variants = doc.getAsJsonArray("variants");
        List<String> names = variants.asList().stream().map(v -> v.getAsJsonObject().get("name").getAsString()).toList();
        assertThat(names).containsExactly("Unjoined", "Joined", "Racy", "Locked", "count++", "volatile count++",
                "AtomicInteger");
        List<String> roles = variants.asList().stream().map(v -> v.getAsJsonObject().get("role").getAsString()).toList();
        assertThat(roles).containsExactly("buggy", "fixed", "buggy", "fixed", "buggy", "buggy", "fixed");
        for (JsonElement e : variants) {
            JsonObject v = e.getAsJsonObject();
            assertThat(v.keySet()).contains("name", "role", "verdict", "expected", "observed", "correct");
            String verdict = v.get("verdict").getAsString();
            boolean correct = v.get("correct").getAsBoolean();
            if (v.get("role").getAsString().equals("fixed")) {
                assertThat(verdict).isEqualTo("correct");
                assertThat(correct).isTrue();
            } else {
                // a buggy variant is never "correct": right by luck, or wrong because the bug showed
                assertThat(verdict).isEqualTo(correct ? "lucky" : "wrong");
            }
        }
        JsonObject locked = variants.get(3).getAsJsonObject();
        assertThat(locked.get("observed").getAsInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("shared-memory is another name for race-condition")
    void aliasRunsTheSameLesson() {
        Result r = Cli.run("shared-memory", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(JsonParser.parseString(r.out()).getAsJsonObject().get("lesson").getAsString())
                .isEqualTo("race-condition");
    }

    @Test
    @DisplayName("text output has no colour codes when not on a terminal")
    void noColourWhenPiped() {
        Result r = Cli.run("threads");
        assertThat(r.out()).doesNotContain("\u001b[").contains("Summary: threads");
    }

    @Test
    @DisplayName("generate-completion prints a bash completion script")
    void completionScript() {
        Result r = Cli.run("generate-completion");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("complete -F", "threads");
    }
}
