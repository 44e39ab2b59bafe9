package concurrencydemo.exercises;

import concurrencydemo.report.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The student's working folder ({@code ./demo-exercises} unless told otherwise): one folder per
 * exercise holding the student's file (and, once it passes, {@code solution/}), and one small
 * progress file, {@value #PROGRESS}, that says which exercises are done, which one is current and
 * how many hints each has had. Copy the folder and the progress goes with it.
 *
 * <p>demo writes a starter only where no file is, or where the file is still the starter (in either
 * language); a file the student changed is replaced only on {@code --reset}, and then kept as
 * {@code <file>.bak}.
 */
public final class Workbook {
    /** The progress file's name. */
    public static final String PROGRESS = "progress.properties";
    /** The default working folder, relative to where demo runs. */
    public static final String DEFAULT_DIR = "demo-exercises";

    private final Path dir;
    private final Properties progress = new Properties();

    private Workbook(Path dir) {
        this.dir = dir;
    }

    /** The workbook in {@code dir}, its progress read if it has any. */
    public static Workbook open(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            // a folder demo cannot read (no permission) fails here, as one, not later as files missing
            try (var entries = Files.newDirectoryStream(dir)) {
                entries.iterator().hasNext();
            }
        }
        Workbook book = new Workbook(dir);
        Path file = dir.resolve(PROGRESS);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                book.progress.load(in);
            } catch (IllegalArgumentException malformed) {
                throw new IOException(file + ": " + malformed.getMessage(), malformed);
            }
        }
        return book;
    }

    public Path dir() {
        return dir;
    }

    /** The student's file for {@code e}. */
    public Path file(Exercise e) {
        return dir.resolve(e.name()).resolve(e.fileName());
    }

    /** Where the reference solution goes once {@code e} has passed. */
    public Path solution(Exercise e) {
        return dir.resolve(e.name()).resolve("solution").resolve(e.fileName());
    }

    /** What {@link #start} did. */
    public enum Started { WRITTEN, UNCHANGED, KEPT, RESET }

    /**
     * Writes {@code e}'s starter unless the student's file is there and changed (then it is kept),
     * or, with {@code reset}, replaces a changed file, keeping it as {@code <file>.bak}. Makes
     * {@code e} the current exercise.
     */
    public Started start(Exercise e, boolean reset, Language language) throws IOException {
        Path file = file(e);
        String starter = starter(e, language);
        Started what;
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            write(file, starter);
            what = Started.WRITTEN;
        } else if (untouched(e, Files.readString(file, StandardCharsets.UTF_8))) {
            if (!Files.readString(file, StandardCharsets.UTF_8).equals(starter)) {
                write(file, starter); // the starter in another language: now in this one
            }
            what = Started.UNCHANGED;
        } else if (reset) {
            Files.copy(file, backup(e), StandardCopyOption.REPLACE_EXISTING);
            write(file, starter);
            what = Started.RESET;
        } else {
            what = Started.KEPT;
        }
        progress.setProperty("current", e.name());
        save();
        return what;
    }

    /** Whether {@code text} is {@code e}'s starter, in any language: a file the student has not changed. */
    private static boolean untouched(Exercise e, String text) {
        for (Language language : Language.values()) {
            if (text.equals(starter(e, language))) {
                return true;
            }
        }
        return false;
    }

    /** Where {@link #start} keeps a changed file it replaces. */
    public Path backup(Exercise e) {
        return file(e).resolveSibling(e.fileName() + ".bak");
    }

    /** The exercise the student is on: the last one started, else the first not done. */
    public Exercise current() {
        String name = progress.getProperty("current");
        return Exercises.named(name == null ? "" : name)
                .orElseGet(() -> Exercises.ALL.stream().filter(e -> !done(e)).findFirst().orElse(Exercises.ALL.get(0)));
    }

    /** The current exercise if it is not done, else the first not done after it, else the first not done at all. */
    public java.util.Optional<Exercise> nextToDo() {
        int from = Exercises.ALL.indexOf(current());
        for (int i = 0; i < Exercises.ALL.size(); i++) {
            Exercise e = Exercises.ALL.get((from + i) % Exercises.ALL.size());
            if (!done(e)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean done(Exercise e) {
        return names("done").contains(e.name());
    }

    /** How many exercises are done. */
    public int doneCount() {
        return (int) Exercises.ALL.stream().filter(this::done).count();
    }

    /** Records that {@code e} passed, and writes its reference solution (in {@code language}) beside the student's file. */
    public void pass(Exercise e, Language language) throws IOException {
        Set<String> done = names("done");
        done.add(e.name());
        progress.setProperty("done", String.join(",", done));
        Files.createDirectories(solution(e).getParent());
        write(solution(e), solutionText(e, language));
        save();
    }

    /** How many of {@code e}'s hints the student has seen. */
    public int hintsSeen(Exercise e) {
        try {
            return Math.max(0, Integer.parseInt(progress.getProperty("hints." + e.name(), "0")));
        } catch (NumberFormatException ignored) {
            return 0;
        }
    }

    /** The next hint's number (1-based; the last one again once all are seen), recorded as seen. */
    public int nextHint(Exercise e) throws IOException {
        int n = Math.min(hintsSeen(e), e.hints() - 1) + 1;
        progress.setProperty("hints." + e.name(), Integer.toString(n));
        save();
        return n;
    }

    private Set<String> names(String key) {
        Set<String> names = new LinkedHashSet<>();
        for (String n : progress.getProperty(key, "").split(",")) {
            if (!n.isBlank()) {
                names.add(n.trim());
            }
        }
        return names;
    }

    private void save() throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(PROGRESS);
        Path tmp = Files.createTempFile(dir, PROGRESS, ".tmp"); // its own name: two demos may save at once
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                progress.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A resource beside this class, as text. */
    static String resource(String name) {
        try (InputStream in = Workbook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise's starter, as demo ships it, its comments in {@code language}. */
    public static String starter(Exercise e, Language language) {
        return resource(e.starterResource(language));
    }

    /** The exercise's reference solution, as demo ships it, its comments in {@code language}. */
    public static String solutionText(Exercise e, Language language) {
        return resource(e.solutionResource(language));
    }
}
