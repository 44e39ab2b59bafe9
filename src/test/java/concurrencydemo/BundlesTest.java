package concurrencydemo;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Variant;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of demo's is in its message bundles, in both languages: the two languages have the
 * same keys and the same placeholders, every pattern is well-formed, every key the code names
 * exists, and no lesson, report, framework or command-line source builds user text of its own.
 */
@Timeout(60)
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/concurrencydemo");
    private static final Path MAIN = Path.of("src/main/java/concurrencydemo");
    /** Keys picocli reads (printf formats); every other key is a MessageFormat pattern. */
    private static final Pattern PICOCLI_KEY = Pattern.compile("(usage|option|helpCommand|mixinStandardHelpOptions|demo)\\..*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    /** An apostrophe MessageFormat would swallow: one not doubled. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    /** The base (English) bundles: demo's shared one and each lesson's. */
    private static List<Path> baseBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().matches("(messages|\\w+Lesson|Exercises)\\.properties"))
                    .sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Path chinese(Path base) {
        return base.resolveSibling(base.getFileName().toString().replace(".properties", "_zh_CN.properties"));
    }

    @Test
    @DisplayName("English and Chinese bundles have the same keys, and each pattern the same placeholders")
    void languagesHaveTheSameKeys() throws IOException {
        List<Path> bases = baseBundles();
        assertThat(bases).hasSizeGreaterThanOrEqualTo(7); // shared + six lessons
        List<String> problems = new ArrayList<>();
        for (Path base : bases) {
            Path zh = chinese(base);
            if (!Files.exists(zh)) {
                problems.add(zh + " is missing");
                continue;
            }
            Properties en = load(base);
            Properties cn = load(zh);
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(cn.stringPropertyNames());
            Set<String> onlyCn = new TreeSet<>(cn.stringPropertyNames());
            onlyCn.removeAll(en.stringPropertyNames());
            onlyEn.forEach(k -> problems.add(base.getFileName() + ": " + k + " has no Chinese"));
            onlyCn.forEach(k -> problems.add(zh.getFileName() + ": " + k + " has no English"));
            for (String key : en.stringPropertyNames()) {
                if (cn.containsKey(key) && !PICOCLI_KEY.matcher(key).matches()
                        && !placeholders(en.getProperty(key)).equals(placeholders(cn.getProperty(key)))) {
                    problems.add(zh.getFileName() + ": " + key + " uses " + placeholders(cn.getProperty(key))
                            + ", English " + placeholders(en.getProperty(key)));
                }
            }
        }
        assertThat(problems).withFailMessage("bundles out of step:%n  %s", String.join("\n  ", problems)).isEmpty();
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }

    @Test
    @DisplayName("every pattern is well-formed: MessageFormat parses it and no apostrophe or percent sign is swallowed")
    void patternsAreWellFormed() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path base : baseBundles()) {
            for (Path file : List.of(base, chinese(base))) {
                if (!Files.exists(file)) {
                    continue; // reported by languagesHaveTheSameKeys
                }
                Properties p = load(file);
                for (String key : p.stringPropertyNames()) {
                    String value = p.getProperty(key);
                    if (PICOCLI_KEY.matcher(key).matches()) {
                        if (value.replace("%%", "").replace("%n", "").contains("%")) {
                            problems.add(file.getFileName() + ": " + key + ": a lone % (picocli reads printf: %%)");
                        }
                        continue;
                    }
                    // a quoted brace ('{' and '}', code in a hint) is MessageFormat's own quoting, not a lone '
                    if (LONE_APOSTROPHE.matcher(value.replace("'{'", "").replace("'}'", "")).find()) {
                        problems.add(file.getFileName() + ": " + key + ": a lone ' (MessageFormat needs '')");
                    }
                    try {
                        Object[] args = placeholders(value).stream().map(i -> (Object) ("<" + i + ">")).toArray();
                        String shown = new MessageFormat(value, Language.ENGLISH.locale())
                                .format(placeholders(value).isEmpty() ? new Object[0] : fill(value));
                        for (Object arg : args) {
                            if (!value.contains("choice") && !shown.contains(arg.toString())) {
                                problems.add(file.getFileName() + ": " + key + ": " + arg + " is not shown");
                            }
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(file.getFileName() + ": " + key + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(problems).withFailMessage("malformed patterns:%n  %s", String.join("\n  ", problems)).isEmpty();
    }

    /** Arguments that show where each placeholder went: "<0>", "<1>" …; a number for a choice. */
    private static Object[] fill(String pattern) {
        int n = placeholders(pattern).stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            args[i] = pattern.contains("{" + i + ",choice") ? (Object) 2 : "<" + i + ">";
        }
        return args;
    }

    @Test
    @DisplayName("every key the code names is in the bundles, and every variant has a name in each language")
    void everyKeyTheCodeNamesExists() throws IOException {
        Texts english = TestTexts.of(Language.ENGLISH);
        Texts chinese = TestTexts.of(Language.SIMPLIFIED_CHINESE);
        Set<String> known = new TreeSet<>(english.keySet());
        Set<String> prefixes = new TreeSet<>();
        known.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
        List<String> missing = new ArrayList<>();
        Pattern literal = Pattern.compile("\"([a-z][A-Za-z-]*\\.[A-Za-z0-9_.-]*[A-Za-z0-9])\"");
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1);
                    if (prefixes.contains(key.substring(0, key.indexOf('.') + 1)) && !known.contains(key)
                            && !PICOCLI_KEY.matcher(key).matches() // demo.stdout.tty is a system property
                            && !key.endsWith(".") && !isPrefixOfKeys(key, known)) {
                        missing.add(MAIN.relativize(source) + ": " + key);
                    }
                }
            }
        }
        for (Lesson lesson : Catalog.lessons()) {
            for (Variant v : lesson.variants()) {
                String key = v.labelKey();
                if (!known.contains(key) || !key.startsWith(lesson.name() + ".variant.")) {
                    missing.add(lesson.name() + ": variant " + v.name() + " has no name in the bundles (" + key + ")");
                }
            }
        }
        assertThat(missing).withFailMessage("keys the code names but no bundle has:%n  %s", String.join("\n  ", missing))
                .isEmpty();
        assertThat(chinese.format("verdict.wrong")).isNotEqualTo(english.format("verdict.wrong"));
    }

    /** A key built at run time from a literal prefix ("summary.verdict." + word). */
    private static boolean isPrefixOfKeys(String literal, Set<String> known) {
        return known.stream().anyMatch(k -> k.startsWith(literal + "."));
    }

    @Test
    @DisplayName("a lesson's keys start with its name, so that lessons' bundles never shadow each other")
    void lessonKeysStartWithTheLessonsName() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Lesson lesson : Catalog.lessons()) {
            Path file = RESOURCES.resolve("lessons").resolve(lesson.getClass().getSimpleName() + ".properties");
            String name = lesson.getClass().getAnnotation(Command.class).name();
            for (String key : load(file).stringPropertyNames()) {
                if (!PICOCLI_KEY.matcher(key).matches() && !key.startsWith(name + ".")) {
                    wrong.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(wrong).withFailMessage("keys not named for their lesson:%n  %s", String.join("\n  ", wrong)).isEmpty();
    }

    /**
     * The lines of code that may hold English prose: what the ported programs print (the seed's
     * own lines), the exceptions those programs throw and print, a variant's name as code and
     * JSON know it (its words are in the bundles), exceptions meant for developers, and
     * picocli's English messages that demo matches to word them anew.
     */
    private static final Pattern MAY_HOLD_PROSE = Pattern.compile(
            ".*(stage\\.println\\(|System\\.out\\.println\\(|Variant\\.(buggy|fixed|measured)\\(|throw new (IllegalStateException|ConnectionLost)\\("
                    + "|startsWith\\(\"Invalid value\"\\)|\"Unknown subcommand |JAVAC_OPTIONS = |^ *\"--release\").*");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Two words or more: prose, not a key, a name or a format. */
    private static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,}[ ,:;] ?[A-Za-z]{2,}");

    @Test
    @DisplayName("no lesson, exercise, report, framework or command-line source builds user text outside the bundles")
    void noUserTextOutsideTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (String layer : List.of("lessons", "exercises", "report", "framework", "cli")) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(layer))) {
                for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String code = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL)
                            .matcher(Files.readString(source, StandardCharsets.UTF_8))
                            .replaceAll(c -> c.group().replaceAll("[^\\n]", ""));
                    String[] lines = code.split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        String line = lines[i].replaceAll("//.*", "");
                        if (MAY_HOLD_PROSE.matcher(line).matches()) {
                            continue;
                        }
                        Matcher m = STRING.matcher(line);
                        while (m.find()) {
                            if (PROSE.matcher(m.group(1)).find()) {
                                found.add(MAIN.relativize(source) + ":" + (i + 1) + ": " + line.strip());
                                break;
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).withFailMessage("user text built outside the bundles:%n  %s", String.join("\n  ", found))
                .isEmpty();
    }
}
