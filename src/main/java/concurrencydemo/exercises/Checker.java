package concurrencydemo.exercises;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks a student's file: compiles it with the running JDK's compiler (its messages in the
 * student's language), then runs it in a child JVM under {@link Harness}, which calls it once per
 * trial and grades each trial. The compiled classes and the harness's files live in a private
 * workspace, deleted afterwards: the student's folder gets nothing from a check.
 */
public final class Checker {
    /** How many compiler errors are shown at most: the first ones matter. */
    static final int MAX_ERRORS = 5;
    /** How many of the lines the program printed are kept for the report. */
    static final int KEPT_LINES = 400;
    /** How long the harness may go without writing a result beyond the run's own stall bound. */
    static final long HARNESS_GRACE_NANOS = 20_000_000_000L;

    /** No annotation processing, no warnings, and the Java 17 API whatever JDK runs demo. */
    static final List<String> JAVAC_OPTIONS = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
            "--release", "17");

    private Checker() {
    }

    /** How a check ended. */
    public enum Status { PASSED, NOT_YET, CANNOT_CHECK }

    /**
     * What a check found: its status, how many trials ran and passed, the report's lines (in the
     * student's language), and what the program printed, cut to the student's own stack frames.
     */
    public record Outcome(Status status, String kind, int trials, int passed, List<String> report,
            List<String> printed) {
    }

    /**
     * How long a worker waits at {@link Work#begin()} for the others, and how long a run may go
     * without a counted call before it is stuck.
     */
    public record Bounds(java.time.Duration begin, java.time.Duration stall) implements java.io.Serializable {
        /** The exercise's own. */
        public static Bounds of(Exercise ex) {
            return new Bounds(ex.beginTimeout(), ex.stallBound());
        }
    }

    /**
     * Checks {@code file}, the student's version of {@code ex}, running it {@code trials} times.
     */
    public static Outcome check(Exercise ex, Path file, int trials, Language language) throws InterruptedException {
        return check(ex, file, trials, language, Bounds.of(ex));
    }

    /** As above, with bounds of the caller's (tests: a hanging program is stopped sooner). */
    public static Outcome check(Exercise ex, Path file, int trials, Language language, Bounds bounds)
            throws InterruptedException {
        Texts texts = Texts.of(language).with(Exercises.BUNDLE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Outcome(Status.CANNOT_CHECK, "noCompiler", trials, 0,
                    List.of(texts.format("check.noCompiler", System.getProperty("java.home"))), List.of());
        }
        Deque<String> printed = new ArrayDeque<>();
        try (Workspace ws = Workspace.create(line -> keep(printed, line))) {
            Path classes = ws.directory().resolve("classes");
            Files.createDirectories(classes);
            List<String> errors = compile(javac, ex, file, classes, language, texts);
            if (!errors.isEmpty()) {
                return new Outcome(Status.NOT_YET, "compile", trials, 0, errors, List.of());
            }
            Path result = ws.directory().resolve("result.json");
            Harness harness = new Harness(ex.name(), trials, new SecureRandom().nextLong(), language.tag(),
                    result.toString(), bounds);
            ChildProcess child = ws.process("check", harness).withClassPath(classes).withStackTraces().start();
            boolean finished = awaitHarness(child, result, bounds);
            if (!finished) {
                child.terminate();
            }
            child.join();
            Harness.Result r = read(result);
            List<String> shown = cut(printed, ex);
            if (r == null || Harness.Result.RUNNING.equals(r.status())) {
                int passed = r == null ? 0 : r.passed();
                String why = finished ? "check.ended" : "check.harnessStuck";
                return new Outcome(Status.NOT_YET, finished ? "ended" : "stuck", trials, passed,
                        List.of(texts.format(why, passed + 1, trials, ex.fileName())), shown);
            }
            if (Harness.Result.PASSED.equals(r.status())) {
                return new Outcome(Status.PASSED, r.status(), r.trials(), r.passed(), List.of(), List.of());
            }
            return new Outcome(Status.NOT_YET, r.status(), r.trials(), r.passed(), r.report(), shown);
        } catch (IOException e) {
            return new Outcome(Status.CANNOT_CHECK, "io", trials, 0,
                    List.of(texts.format("check.io", String.valueOf(e.getMessage()))), List.of());
        }
    }

    private static void keep(Deque<String> printed, String line) {
        synchronized (printed) {
            printed.addLast(line.startsWith("[check] ") ? line.substring("[check] ".length()) : line);
            if (printed.size() > KEPT_LINES) {
                printed.removeFirst();
            }
        }
    }

    /**
     * Waits for the harness to exit. It bounds the student's program itself; this bounds the
     * harness, in case the program blocked it (a static initializer that never returns): no new
     * result for the stall bound and a grace period means stuck.
     */
    private static boolean awaitHarness(ChildProcess child, Path result, Bounds bounds) throws InterruptedException {
        long bound = bounds.stall().toNanos() + HARNESS_GRACE_NANOS;
        long since = System.nanoTime();
        long lastModified = -1;
        while (!child.join(java.time.Duration.ofMillis(25))) {
            long modified = modified(result);
            if (modified != lastModified) {
                lastModified = modified;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > bound) {
                return false;
            }
        }
        return true;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Harness.Result read(Path result) {
        try {
            return new Gson().fromJson(Files.readString(result, StandardCharsets.UTF_8), Harness.Result.class);
        } catch (IOException | JsonParseException e) {
            return null;
        }
    }

    /**
     * What the program printed, stack traces cut to the frames in the student's file (the rest
     * are demo's and the JDK's, one {@code ...} line for each run of them).
     */
    static List<String> cut(Deque<String> printed, Exercise ex) {
        List<String> lines = new ArrayList<>();
        boolean skipping = false;
        synchronized (printed) {
            for (String line : printed) {
                String body = line.replaceFirst("^(\\[[^\\]]*\\] )+", "");
                boolean frame = body.startsWith("\tat ") || body.startsWith("\t... ");
                if (frame && !body.contains("(" + ex.fileName() + ":")) {
                    if (!skipping) {
                        lines.add(line.substring(0, line.length() - body.length()) + "\t...");
                    }
                    skipping = true;
                    continue;
                }
                skipping = false;
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> compile(JavaCompiler javac, Exercise ex, Path file, Path classes, Language language,
            Texts texts) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, language.locale(),
                StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path")));
            options.addAll(JAVAC_OPTIONS);
            StringWriter javacOut = new StringWriter();
            boolean ok = javac.getTask(javacOut, files, diagnostics, options, null,
                    files.getJavaFileObjects(file)).call();
            List<String> lines = new ArrayList<>();
            int errors = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                if (++errors > MAX_ERRORS) {
                    continue;
                }
                String message = d.getMessage(language.locale());
                lines.add(texts.format("check.compileError", ex.fileName(), d.getLineNumber(), message));
                String source = sourceLine(file, d.getLineNumber());
                if (source != null) {
                    String code = source.strip();
                    int cut = source.length() - source.stripLeading().length();
                    lines.add("    " + code);
                    if (d.getColumnNumber() > 0) {
                        long at = Math.max(0, Math.min(code.length(), d.getColumnNumber() - 1 - cut));
                        lines.add("    " + " ".repeat((int) at) + "^");
                    }
                }
            }
            if (errors > MAX_ERRORS) {
                lines.add(texts.format("check.moreErrors", errors - MAX_ERRORS));
            }
            if (!ok && lines.isEmpty()) {
                lines.add(texts.format("check.compileFailed", ex.fileName()));
            }
            if (!lines.isEmpty()) {
                lines.add(0, texts.format("check.doesNotCompile", ex.fileName(), errors));
            }
            return lines;
        }
    }

    private static String sourceLine(Path file, long number) {
        if (number < 1) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return number <= lines.size() ? lines.get((int) number - 1).replace('\t', ' ') : null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
