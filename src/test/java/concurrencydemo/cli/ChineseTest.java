package concurrencydemo.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import concurrencydemo.Cli;
import concurrencydemo.Cli.Result;
import concurrencydemo.report.Width;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --lang zh-CN}: demo's own words in Chinese, its tables aligned by display width, its JSON the same document. */
@Timeout(120)
class ChineseTest {

    @Test
    @DisplayName("in Chinese, no sentence of demo's English is left, and the program's own lines are as the seed prints them")
    void chineseLeavesNoEnglishSentence() throws IOException {
        Result r = Cli.run("race-condition", "--lang", "zh-CN", "--window", "100us", "--no-color");
        assertThat(r.exitCode()).withFailMessage(r.err()).isZero();
        assertThat(r.out()).contains("Value at end: ", "end main", "小结：race-condition");
        List<String> leaks = new ArrayList<>();
        for (String bundle : List.of("messages.properties", "lessons/RaceConditionLesson.properties")) {
            Properties english = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/concurrencydemo").resolve(bundle),
                    StandardCharsets.UTF_8)) {
                english.load(in);
            }
            for (String key : english.stringPropertyNames()) {
                // the longest stretch of words between placeholders: a sentence of English, if it is there
                for (String stretch : english.getProperty(key).replace("''", "'").split("\\{[^}]*\\}")) {
                    if (stretch.strip().length() >= 12 && stretch.strip().contains(" ") && r.out().contains(stretch.strip())) {
                        leaks.add(key + ": " + stretch.strip());
                    }
                }
            }
        }
        assertThat(leaks).withFailMessage("English left in the Chinese output:%n  %s", String.join("\n  ", leaks)).isEmpty();
    }

    @Test
    @DisplayName("the summary lines up in a terminal: every row's columns start where the heading's do")
    void summaryAlignsByDisplayWidth() {
        Result r = Cli.run("race-condition", "--lang", "zh-CN", "--window", "100us", "--no-color");
        List<String> lines = r.out().lines().toList();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("小结：")).findFirst().orElseThrow());
        List<String> table = lines.subList(heading + 1, lines.size());
        assertThat(table).hasSize(3);
        List<Integer> columns = columnStarts(table.get(0));
        assertThat(columns).hasSize(5);
        for (String row : table.subList(1, table.size())) {
            // the four text columns start where the heading's do; the time is right-aligned under its heading
            assertThat(columnStarts(row).subList(0, 4)).withFailMessage("%s%n%s", table.get(0), row)
                    .isEqualTo(columns.subList(0, 4));
            assertThat(Width.of(row)).isEqualTo(Width.of(table.get(0)));
        }
    }

    @Test
    @DisplayName("the trials table lines up in a terminal: each variant's counts sit under its name, whatever the labels' widths")
    void trialsTableAlignsByDisplayWidth() {
        Result r = Cli.run("threads", "--lang", "zh-CN", "--trials", "30", "--window", "0", "--no-color");
        assertThat(r.exitCode()).withFailMessage(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        int tables = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("试验：")) {
                continue;
            }
            tables++;
            String head = lines.get(i + 1);
            List<Integer> starts = columnStarts(head).subList(1, columnStarts(head).size()); // each variant's name
            for (int j = i + 2; j < lines.size() && !lines.get(j).isBlank(); j++) {
                String row = lines.get(j);
                // the lost updates' three rows (最少, 中位数, 最多) hold one number each, from the column's start
                boolean lostRow = row.strip().startsWith("丢失更新") || row.strip().startsWith("中位数")
                        || row.strip().startsWith("最多");
                for (int start : starts) {
                    String cell = slice(row, start, start + 2); // a count is as wide as the most trials: 30
                    assertThat(row).as("the table fits in 78 columns").satisfies(l -> assertThat(Width.of(l)).isLessThanOrEqualTo(78));
                    assertThat(lostRow ? cell.isBlank() || !cell.startsWith(" ") : cell.matches(" *\\d+"))
                            .withFailMessage("column at %d of%n%s%n%s%nholds '%s'", start, head, row, cell).isTrue();
                }
            }
        }
        assertThat(tables).isEqualTo(3);
    }

    /** The characters of {@code row} between display columns {@code from} and {@code to}. */
    private static String slice(String row, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int column = 0;
        for (int i = 0; i < row.length(); ) {
            int cp = row.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (column >= from && column < to) {
                sb.append(c);
            }
            column += Width.of(c);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The display columns at which a cell starts: after the indent, and after two spaces or more. */
    private static List<Integer> columnStarts(String row) {
        List<Integer> starts = new ArrayList<>();
        var m = Pattern.compile("(^ +| {2,})(\\S)").matcher(row);
        while (m.find()) {
            starts.add(Width.of(row.substring(0, m.start(2))));
        }
        return starts;
    }

    @Test
    @DisplayName("JSON is the same document in both languages, apart from lang and its prose")
    void jsonIsTheSameDocument() {
        JsonObject english = JsonParser.parseString(Cli.run("pools", "--format", "json").out()).getAsJsonObject();
        JsonObject chinese = JsonParser.parseString(Cli.run("pools", "--format", "json", "--lang", "zh-CN").out())
                .getAsJsonObject();
        assertThat(english.get("lang").getAsString()).isEqualTo("en");
        assertThat(chinese.get("lang").getAsString()).isEqualTo("zh-CN");
        assertThat(skeleton(chinese)).isEqualTo(skeleton(english));
        for (int i = 0; i < 2; i++) {
            JsonObject en = english.getAsJsonArray("variants").get(i).getAsJsonObject();
            JsonObject cn = chinese.getAsJsonArray("variants").get(i).getAsJsonObject();
            for (String same : List.of("name", "section", "role", "verdict", "expected", "observed", "correct")) {
                assertThat(cn.get(same)).as(same).isEqualTo(en.get(same));
            }
            assertThat(cn.get("explanation")).isNotEqualTo(en.get("explanation"));
        }
    }

    /** The document's keys, nested, without its values: the shape every consumer relies on. */
    private static String skeleton(JsonElement e) {
        if (e.isJsonObject()) {
            StringBuilder sb = new StringBuilder("{");
            e.getAsJsonObject().entrySet().forEach(kv -> sb.append(kv.getKey()).append(':').append(skeleton(kv.getValue())).append(','));
            return sb.append('}').toString();
        }
        if (e.isJsonArray() && !e.getAsJsonArray().isEmpty() && e.getAsJsonArray().get(0).isJsonObject()) {
            StringBuilder sb = new StringBuilder("[");
            e.getAsJsonArray().forEach(x -> sb.append(skeleton(x)).append(','));
            return sb.append(']').toString();
        }
        return e.isJsonArray() ? "[]" : "v";
    }
}
