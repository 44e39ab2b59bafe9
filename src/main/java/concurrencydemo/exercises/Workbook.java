package concurrencydemo.exercises;

import concurrencydemo.report.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The student's working folder ({@code ./demo-exercises} unless told otherwise): one folder per
 * exercise holding the student's file (and, once it passes, {@code solution/}), and one small
 * progress file, {@value #PROGRESS}, that says which exercises are done, which one is current and
 * how many hints each has had. Copy the folder and the progress goes with it.
 *
 * <p>demo writes a starter only where no file is, or where the file is still the starter (in either
 * language); a file the student changed is replaced only on {@code --reset}, and then kept as
 * {@code <file>.bak}, readable by the student alone. The reference solution is written on a pass
 * unless the student has edited the copy already there. Every read and write goes through
 * {@link WorkingFolder}: no link is followed, no folder others can write is used unless trusted.
 *
 * <p>Two demos may work on one folder at once (two terminals, {@code watch} in one of them): every
 * change of the progress is a read-modify-write under a lock on {@value #LOCK}, so none loses what
 * another recorded. A {@link FileLock} belongs to the whole JVM (a second one in this JVM throws
 * {@code OverlappingFileLockException} rather than waiting, and closing any channel on the file
 * drops it), so the threads of one JVM queue on a lock of their own first, and nothing else here
 * opens {@value #LOCK}. What this object answers ({@link #done}, {@link #current}, …) is the
 * progress as last read: {@link #refresh} reads it again. Not thread-safe: one workbook a thread
 * (any number of them, in any number of JVMs, on one folder).
 */
public final class Workbook {
    /** The progress file's name. */
    public static final String PROGRESS = "progress.properties";
    /** The lock every change of the progress holds, beside it: an empty file. */
    public static final String LOCK = ".progress.lock";
    /** The default working folder, relative to where demo runs. */
    public static final String DEFAULT_DIR = "demo-exercises";
    /** How long a change waits for another demo's before it gives up. */
    static final long LOCK_WAIT_MILLIS = 10_000;

    /** Between threads of one JVM: a {@link FileLock} is held by the whole JVM, so it cannot tell them apart. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path dir;
    private final WorkingFolder folder;
    private Properties progress = new Properties();

    private Workbook(Path dir, WorkingFolder folder) {
        this.dir = dir;
        this.folder = folder;
    }

    /** The workbook in {@code dir}, its progress read if it has any; checked as {@link WorkingFolder} says. */
    public static Workbook open(Path dir) throws IOException {
        return open(dir, false);
    }

    /**
     * As {@link #open(Path)}; {@code trusted}: the student said the folder is safe to use though
     * other users can write in it or own it.
     */
    public static Workbook open(Path dir, boolean trusted) throws IOException {
        WorkingFolder folder = WorkingFolder.at(dir, trusted);
        if (java.nio.file.Files.isDirectory(folder.root())) {
            // a folder demo cannot read (no permission) fails here, as one, not later as files missing
            try (var entries = java.nio.file.Files.newDirectoryStream(folder.root())) {
                entries.iterator().hasNext();
            }
        }
        Workbook book = new Workbook(dir, folder);
        book.refresh();
        return book;
    }

    /** Reads the progress again: what another demo recorded since is seen. */
    public void refresh() throws IOException {
        IN_THIS_JVM.lock(); // not while another thread's change saves
        try {
            progress = load();
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private Properties load() throws IOException {
        Properties read = new Properties();
        Path file = folder.root().resolve(PROGRESS);
        Optional<String> text = folder.text(file);
        if (text.isPresent()) {
            try {
                read.load(new StringReader(text.get()));
            } catch (IllegalArgumentException malformed) {
                throw folder.refusal(FolderException.Kind.PROGRESS_DAMAGED, file, String.valueOf(malformed.getMessage()));
            }
        }
        return read;
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

    /** Where {@link #start} keeps a changed file it replaces. */
    public Path backup(Exercise e) {
        return file(e).resolveSibling(e.fileName() + ".bak");
    }

    /** {@code p}, one of the paths above, where demo reads and writes it: in the resolved folder. */
    private Path real(Path p) {
        return folder.root().resolve(dir.relativize(p));
    }

    /** What {@link #start} did. */
    public enum Started { WRITTEN, UNCHANGED, KEPT, RESET }

    /**
     * Writes {@code e}'s starter unless the student's file is there and changed (then it is kept),
     * or, with {@code reset}, replaces a changed file, keeping it as {@code <file>.bak}. Makes
     * {@code e} the current exercise.
     */
    public Started start(Exercise e, boolean reset, Language language) throws IOException {
        return change(() -> {
            Path file = real(file(e));
            folder.makeFolder(file.getParent());
            String starter = starter(e, language);
            Optional<byte[]> mine = folder.read(file);
            Started what;
            if (mine.isEmpty()) {
                folder.write(file, starter, false);
                what = Started.WRITTEN;
            } else if (untouched(mine.get(), language2 -> starter(e, language2))) {
                if (!Arrays.equals(mine.get(), starter.getBytes(StandardCharsets.UTF_8))) {
                    folder.write(file, starter, false); // the starter in another language: now in this one
                }
                what = Started.UNCHANGED;
            } else if (reset) {
                // the student's bytes as they are (not decoded: a file saved as GBK is kept whole)
                folder.write(real(backup(e)), mine.get(), true);
                folder.write(file, starter, false);
                what = Started.RESET;
            } else {
                what = Started.KEPT;
            }
            progress.setProperty("current", e.name());
            return what;
        });
    }

    /** Whether {@code bytes} are one of the texts {@code shipped} gives, in any language. */
    private static boolean untouched(byte[] bytes, java.util.function.Function<Language, String> shipped) {
        for (Language language : Language.values()) {
            if (Arrays.equals(bytes, shipped.apply(language).getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The student's file for {@code e}, checked before it is compiled: a plain file of theirs, UTF-8,
     * in folders only they can write, and nothing in the way of the solution a pass writes.
     * Empty when there is no file.
     */
    public Optional<String> source(Exercise e) throws IOException {
        if (java.nio.file.Files.exists(folder.root(), LinkOption.NOFOLLOW_LINKS)) {
            folder.checkFolder(folder.root()); // still the folder opened, not a link put in its place since
        }
        Path file = real(file(e));
        if (java.nio.file.Files.exists(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            folder.checkFolder(file.getParent());
        }
        Optional<String> text = folder.text(file);
        if (text.isPresent()) {
            Path solution = real(solution(e));
            if (java.nio.file.Files.exists(solution.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                folder.checkFolder(solution.getParent());
                folder.plainFile(solution);
            }
        }
        return text;
    }

    /** The exercise the student is on: the last one started, else the first not done. */
    public Exercise current() {
        String name = progress.getProperty("current");
        return Exercises.named(name == null ? "" : name)
                .orElseGet(() -> Exercises.ALL.stream().filter(e -> !done(e)).findFirst().orElse(Exercises.ALL.get(0)));
    }

    /** The current exercise if it is not done, else the first not done after it, else the first not done at all. */
    public Optional<Exercise> nextToDo() {
        return nextToDo(current());
    }

    /** {@code from} if it is not done, else the first not done after it, else the first not done at all. */
    public Optional<Exercise> nextToDo(Exercise from) {
        int at = Exercises.ALL.indexOf(from);
        for (int i = 0; i < Exercises.ALL.size(); i++) {
            Exercise e = Exercises.ALL.get((at + i) % Exercises.ALL.size());
            if (!done(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public boolean done(Exercise e) {
        return names("done").contains(e.name());
    }

    /** How many exercises are done. */
    public int doneCount() {
        return (int) Exercises.ALL.stream().filter(this::done).count();
    }

    /** What {@link #pass} did with the reference solution. */
    public enum Solution { WRITTEN, KEPT }

    /**
     * Records that {@code e} passed, and writes its reference solution (in {@code language}) beside
     * the student's file, unless the copy there is one the student edited: that one is kept.
     */
    public Solution pass(Exercise e, Language language) throws IOException {
        return change(() -> {
            Set<String> done = names("done");
            done.add(e.name());
            progress.setProperty("done", String.join(",", done));
            Path solution = real(solution(e));
            folder.makeFolder(solution.getParent());
            Optional<byte[]> there = folder.read(solution);
            if (there.isPresent() && !untouched(there.get(), language2 -> solutionText(e, language2))) {
                return Solution.KEPT;
            }
            folder.write(solution, solutionText(e, language), false);
            return Solution.WRITTEN;
        });
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
        return change(() -> {
            int n = Math.min(hintsSeen(e), e.hints() - 1) + 1;
            progress.setProperty("hints." + e.name(), Integer.toString(n));
            return n;
        });
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

    /** A change of the folder and the progress, made on the progress as it is on disk. */
    @FunctionalInterface
    private interface Change<T> {
        T make() throws IOException;
    }

    /**
     * Runs {@code change} under both locks, on the progress read afresh, and saves the progress
     * after it: what another demo recorded meanwhile is kept.
     */
    private <T> T change(Change<T> change) throws IOException {
        folder.makeFolder(folder.root());
        Path lockFile = folder.root().resolve(LOCK);
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        try {
            if (!IN_THIS_JVM.tryLock(LOCK_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw folder.refusal(FolderException.Kind.BUSY, lockFile, Long.toString(LOCK_WAIT_MILLIS / 1000));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
        try {
            if (folder.plainFile(lockFile).isEmpty()) {
                folder.write(lockFile, new byte[0], false); // rw-r--r-- at most, whatever the umask
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                 FileLock held = lock(channel, lockFile, deadline)) {
                assert held.isValid();
                progress = load();
                T result = change.make();
                save();
                return result;
            }
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private FileLock lock(FileChannel channel, Path lockFile, long deadline) throws IOException {
        while (true) {
            FileLock held = channel.tryLock();
            if (held != null) {
                return held;
            }
            if (System.nanoTime() > deadline) {
                throw folder.refusal(FolderException.Kind.BUSY, lockFile, Long.toString(LOCK_WAIT_MILLIS / 1000));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }
    }

    private void save() throws IOException {
        StringWriter text = new StringWriter();
        progress.store(text, null);
        folder.write(folder.root().resolve(PROGRESS), text.toString(), false);
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
