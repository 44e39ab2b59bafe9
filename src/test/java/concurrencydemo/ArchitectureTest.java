package concurrencydemo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers run one way: cli, then lessons, then framework, then the runtime (multiprocessing,
 * threading) and report beneath it. Reads every main source file's references to demo's packages
 * (imports and fully qualified names) and fails on an arrow that runs the wrong way. Within a
 * package, a room that must stay apart (the janitor, a pool's worker side) may use only the
 * classes of its package that {@link #ROOMS} names.
 */
@Timeout(30)
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/concurrencydemo");
    /** demo's package name, then any spacing, a dot, and the next name: a package, or a class of the root package. */
    private static final Pattern REFERENCE = Pattern.compile("\\bconcurrencydemo\\s*\\.\\s*([A-Za-z0-9_$]+)");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    /** A resource's name in a string ("concurrencydemo.messages", a message bundle) is no package's use. */
    private static final Pattern BUNDLE_NAME = Pattern.compile("\"concurrencydemo\\.messages\"");

    /** For each package, the packages of demo it may use. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "", Set.of("", "cli"),
            "cli", Set.of("lessons", "exercises", "framework", "report", "multiprocessing", "threading"),
            "exercises", Set.of("framework", "report", "multiprocessing", "threading"),
            "lessons", Set.of("framework", "report", "multiprocessing", "threading"),
            "framework", Set.of("report", "multiprocessing", "threading"),
            "report", Set.of(),
            "multiprocessing", Set.of(),
            "threading", Set.of());

    /**
     * For each room, the classes of its own package it may use; the package-info of its package
     * says why. Any other class of the package it names in code is a wrong-way arrow.
     */
    private static final Map<String, Set<String>> ROOMS = Map.ofEntries(
            // the sweep of stale private directories: it knows their shape, nothing of workspaces or processes
            Map.entry("multiprocessing/Janitor.java", Set.of("PrivateDirectory", "WorkspaceException")),
            // one directory's shape, lock and deletion: nothing of what it holds
            Map.entry("multiprocessing/PrivateDirectory.java", Set.of("WorkspaceException", "Unix")),
            Map.entry("multiprocessing/Unix.java", Set.of()),
            // what runs in a pool's worker JVM: nothing of the parent (ChildProcess, Workspace, Pool)
            Map.entry("multiprocessing/PoolWorker.java", Set.of("Child", "Frames", "FrameTooLargeException",
                    "SerializableFunction")),
            // the table's mechanics: widths only, nothing of outcomes or verdicts
            Map.entry("report/Table.java", Set.of("Width")),
            // what a run is shown through: the facts it shows, nothing of how text or colour is made
            Map.entry("report/Renderer.java", Set.of("LessonReport", "Prediction", "Role", "VariantResult")),
            // where a thread or process is, as facts: nothing of stages, lessons or runs
            Map.entry("framework/Diagnosis.java", Set.of()),
            // one variant under its bound: nothing of the loop over lessons or the reports so far
            Map.entry("framework/VariantExecutor.java", Set.of("Diagnosis", "Failures", "LessonOptions", "Stage", "Unusable",
                    "Variant", "Watchdog")),
            // the reports so far, which a signal's hook also writes: nothing of how variants run
            Map.entry("framework/Results.java", Set.of("Lesson")),
            // a lesson's own watchdog: it waits, words what it found and stops it; nothing of stages or runs
            Map.entry("framework/LessonWatchdog.java", Set.of("Diagnosis", "LessonOptions", "Watchdog")),
            // where a program runs: its lines, threads and resources; the watchdog and diagnosis are rooms of their own
            Map.entry("framework/Stage.java", Set.of("Diagnosis", "LessonWatchdog")),
            // the seed's sections: facts, nothing of lessons or exercises
            Map.entry("framework/Seed.java", Set.of("Section")));
    /** A string literal, blanked like a comment: a class's name in a message is no use of it. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");

    @Test
    @DisplayName("a room uses only the classes of its package that it may: the janitor, the worker side, the table, the runner's parts")
    void roomsUseOnlyWhatTheyMay() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var room : ROOMS.entrySet()) {
            Path source = MAIN.resolve(room.getKey());
            assertThat(source).withFailMessage("%s is pinned here but does not exist", room.getKey()).exists();
            Set<String> neighbours;
            try (Stream<Path> files = Files.list(source.getParent())) {
                neighbours = new java.util.TreeSet<>(files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                        .map(n -> n.substring(0, n.length() - ".java".length())).toList());
            }
            String self = source.getFileName().toString().replace(".java", "");
            String code = blank(STRING, blank(COMMENT, Files.readString(source, StandardCharsets.UTF_8)));
            for (String other : neighbours) {
                if (other.equals(self) || room.getValue().contains(other)) {
                    continue;
                }
                Matcher m = Pattern.compile("\\b" + Pattern.quote(other) + "\\b").matcher(code);
                if (m.find()) {
                    int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                    wrong.add(room.getKey() + ":" + line + " uses " + other);
                }
            }
        }
        assertThat(wrong).withFailMessage("rooms that use what they may not:%n  %s", String.join("\n  ", wrong))
                .isEmpty();
    }

    /** {@code code} with what {@code pattern} matches blanked, line breaks kept, so that line numbers stay right. */
    private static String blank(Pattern pattern, String code) {
        return pattern.matcher(code).replaceAll(c -> Matcher.quoteReplacement(c.group().replaceAll("[^\\n]", " ")));
    }

    @Test
    @DisplayName("no package uses a package above it or beside it")
    void importsRunOneWay() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(20);
        for (Path source : sources) {
            Path relative = MAIN.relativize(source);
            String pkg = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
            assertThat(MAY_USE).withFailMessage("%s is in a package the layer map does not know", relative)
                    .containsKey(pkg);
            // comments may name any package ({@link …} included): only code counts; blanked, not
            // removed, so that line numbers stay right
            String code = COMMENT.matcher(Files.readString(source, StandardCharsets.UTF_8))
                    .replaceAll(c -> c.group().replaceAll("[^\\n]", " "));
            code = BUNDLE_NAME.matcher(code).replaceAll(c -> " ".repeat(c.group().length()));
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                String name = m.group(1);
                String used = Character.isUpperCase(name.charAt(0)) ? "" : name; // a class of the root package
                if (used.equals("package") || used.equals(pkg) && !pkg.isEmpty()) {
                    continue;
                }
                if (!MAY_USE.get(pkg).contains(used)) {
                    int line = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                    wrong.add(relative + ":" + line + " (" + (pkg.isEmpty() ? "root" : pkg) + ") uses "
                            + (used.isEmpty() ? "the root package" : used));
                }
            }
        }
        assertThat(wrong).withFailMessage("imports that run the wrong way:%n  %s", String.join("\n  ", wrong))
                .isEmpty();
    }

    @Test
    @DisplayName("the check sees references however they are written: spaced, split over lines, or to the root package")
    void referencesAreFoundInAnyForm() {
        String code = "import concurrencydemo.Main;\nint x = concurrencydemo\n    .framework . ExitCode.WRONG;\n"
                + "// concurrencydemo.cli.Demo in a comment does not count\n";
        String blanked = COMMENT.matcher(code).replaceAll(c -> c.group().replaceAll("[^\\n]", " "));
        Matcher m = REFERENCE.matcher(blanked);
        java.util.List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactly("Main", "framework");
    }

    @Test
    @DisplayName("every package says in its package-info what it may not use")
    void everyPackageStatesItsLayer() {
        for (String pkg : MAY_USE.keySet()) {
            if (!pkg.isEmpty()) {
                assertThat(MAIN.resolve(pkg).resolve("package-info.java")).exists();
            }
        }
    }
}
