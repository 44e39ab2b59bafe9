package concurrencydemo.exercises;

import concurrencydemo.framework.Watchdog;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ProcessQueue;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.multiprocessing.WorkspaceException;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
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
import java.util.Locale;
import java.util.concurrent.TimeoutException;

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
    /** How long the harness may go without sending a result beyond the run's own stall bound. */
    static final java.time.Duration HARNESS_GRACE = java.time.Duration.ofSeconds(20);

    /** No annotation processing, no warnings, and the Java 17 API whatever JDK runs demo. */
    static final List<String> JAVAC_OPTIONS = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
            "--release", "17");

    private Checker() {
    }

    /** How a check ended. */
    public enum Status { PASSED, NOT_YET, CANNOT_CHECK }

    /** What happened, in more detail than its {@link Status}. */
    public enum Kind {
        /** Trials remain (only while the harness runs). */
        RUNNING,
        /** Every trial was right. */
        PASSED,
        /** A trial's answer was wrong. */
        WRONG,
        /** A trial went its stall bound without a counted call, or never ended. */
        STUCK,
        /** The student's code threw. */
        THREW,
        /** The class has no {@code run(Work)} demo can call. */
        UNUSABLE,
        /** The file does not compile. */
        COMPILE,
        /** The harness ended before its last trial (the student's code exited the JVM, say). */
        ENDED,
        /** The JDK has no compiler. */
        NO_COMPILER,
        /** demo's own files could not be made. */
        IO
    }

    /**
     * What a check found: its status and kind, how many trials ran and passed, the report's lines
     * (in the student's language), and what the program printed, cut to the student's own stack
     * frames.
     */
    public record Outcome(Status status, Kind kind, int trials, int passed, List<String> report,
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
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
        return check(ex, source, trials, language, bounds);
    }

    /**
     * Checks {@code source}, the text of the student's file for {@code ex} as demo read it: what is
     * compiled is that text, never the file read again (someone could have changed it since).
     * A byte order mark some Windows editors put first is no part of the program, and is dropped.
     */
    public static Outcome check(Exercise ex, String source, int trials, Language language, Bounds bounds)
            throws InterruptedException {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        Texts texts = Texts.of(language).with(Exercises.BUNDLE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return new Outcome(Status.CANNOT_CHECK, Kind.NO_COMPILER, trials, 0,
                    List.of(texts.format("check.noCompiler", System.getProperty("java.home"))), List.of());
        }
        Deque<String> printed = new ArrayDeque<>();
        try (Workspace ws = Workspace.create(line -> keep(printed, line))) {
            Path classes = ws.directory().resolve("classes");
            Files.createDirectories(classes);
            List<String> errors = compile(javac, ex, text, classes, language, texts);
            if (!errors.isEmpty()) {
                return new Outcome(Status.NOT_YET, Kind.COMPILE, trials, 0, errors, List.of());
            }
            ProcessQueue<Harness.Result> results = ws.queue();
            Harness harness = new Harness(ex.name(), trials, new SecureRandom().nextLong(), language.tag(), results, bounds);
            ChildProcess child = ws.process("check", harness).withClassPath(classes).withStackTraces().start();
            Received received = receive(child, results, bounds);
            if (!received.finished()) {
                child.terminate();
            }
            child.join();
            if (Workspace.shuttingDown()) { // Ctrl-C or a signal ended the child, not the student's code
                throw new InterruptedException();
            }
            Harness.Result r = received.last();
            List<String> shown = cut(printed, ex);
            String demosOwn = demosOwnFiles(printed);
            if (demosOwn == null && r != null && r.kind() == Kind.THREW) { // thrown in the student's run(): a Value, a Pool
                demosOwn = demosOwnFiles(new ArrayDeque<>(r.report()));
            }
            if (demosOwn != null && (r == null || r.kind() == Kind.RUNNING || r.kind() == Kind.THREW)) {
                // the harness could not make its shared memory (TMPDIR full, say): not the student's doing
                return new Outcome(Status.CANNOT_CHECK, Kind.IO, trials, r == null ? 0 : r.passed(),
                        List.of(texts.format("check.io", demosOwn)), List.of());
            }
            if (r == null || r.kind() == Kind.RUNNING) {
                int passed = r == null ? 0 : r.passed();
                String why = received.finished() ? "check.ended" : "check.harnessStuck";
                return new Outcome(Status.NOT_YET, received.finished() ? Kind.ENDED : Kind.STUCK, trials, passed,
                        List.of(texts.format(why, passed + 1, trials, ex.fileName())), shown);
            }
            if (r.kind() == Kind.PASSED) {
                return new Outcome(Status.PASSED, r.kind(), r.trials(), r.passed(), List.of(), List.of());
            }
            return new Outcome(Status.NOT_YET, r.kind(), r.trials(), r.passed(), r.report(), shown);
        } catch (IOException e) {
            return new Outcome(Status.CANNOT_CHECK, Kind.IO, trials, 0,
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

    /** The last result the harness sent (null: none), and whether it finished. */
    private record Received(Harness.Result last, boolean finished) {
    }

    /**
     * Receives the harness's results, one a trial, until its last one or until it ends. It bounds
     * the student's program itself; this bounds the harness, in case the program blocked it (a
     * static initializer that never returns): no result for the stall bound and a grace period
     * means stuck.
     */
    private static Received receive(ChildProcess child, ProcessQueue<Harness.Result> results, Bounds bounds)
            throws InterruptedException {
        Harness.Result[] last = new Harness.Result[1];
        int[] received = new int[1];
        boolean finished = Watchdog.await(nanos -> {
            Harness.Result r = take(results, nanos);
            if (r == null) {
                return !child.isAlive();
            }
            last[0] = r;
            received[0]++;
            return r.kind() != Kind.RUNNING;
        }, bounds.stall().plus(HARNESS_GRACE), () -> received[0]);
        // a harness that ended put its results before it exited: they are all here
        for (Harness.Result r = take(results, 0); r != null; r = take(results, 0)) {
            last[0] = r;
        }
        return new Received(last[0], finished);
    }

    /** The next result, waiting at most {@code nanos}; null when none came. */
    private static Harness.Result take(ProcessQueue<Harness.Result> results, long nanos) throws InterruptedException {
        try {
            return results.get(java.time.Duration.ofNanos(nanos));
        } catch (TimeoutException none) {
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

    /** What the harness's JVM said of demo's own temporary files it could not make, if it said so. */
    private static String demosOwnFiles(Deque<String> printed) {
        String marker = WorkspaceException.class.getName() + ": ";
        synchronized (printed) {
            for (String line : printed) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    return line.substring(at + marker.length());
                }
            }
        }
        return null;
    }

    private static List<String> compile(JavaCompiler javac, Exercise ex, String text, Path classes, Language language,
            Texts texts) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        // javac's English messages are its base bundle: asked for "en", which it has no bundle
        // for, it would fall back to the JVM's default locale's (German, on JDK 21 and later)
        Locale messages = language == Language.ENGLISH ? Locale.ROOT : language.locale();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, messages,
                StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path")));
            options.addAll(JAVAC_OPTIONS);
            StringWriter javacOut = new StringWriter();
            JavaFileObject source = new SimpleJavaFileObject(java.net.URI.create("string:///" + ex.fileName()),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            boolean ok = javac.getTask(javacOut, files, diagnostics, options, null, List.of(source)).call();
            List<String> lines = new ArrayList<>();
            int errors = 0;
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                if (String.valueOf(d.getCode()).endsWith(".cant.write")) { // demo's temporary folder, not the student's code
                    String why = d.getMessage(Locale.ROOT);
                    throw WorkspaceException.of(WorkspaceException.Operation.CREATE_FILE, classes,
                            new IOException(why.substring(why.lastIndexOf(": ") + 1).strip()));
                }
                if (++errors > MAX_ERRORS) {
                    continue;
                }
                String message = d.getMessage(messages);
                lines.add(texts.format("check.compileError", ex.fileName(), d.getLineNumber(), message));
                String line = sourceLine(text, d.getLineNumber());
                if (line != null) {
                    String code = line.strip();
                    int cut = line.length() - line.stripLeading().length();
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

    private static String sourceLine(String text, long number) {
        List<String> lines = text.lines().toList();
        return number >= 1 && number <= lines.size() ? lines.get((int) number - 1).replace('\t', ' ') : null;
    }
}
