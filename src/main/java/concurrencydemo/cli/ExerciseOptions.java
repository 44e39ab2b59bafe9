package concurrencydemo.cli;

import concurrencydemo.exercises.Exercise;
import concurrencydemo.exercises.Exercises;
import concurrencydemo.exercises.FolderException;
import concurrencydemo.exercises.Workbook;
import concurrencydemo.framework.ExitCode;
import concurrencydemo.framework.ExitException;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Speaking;
import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Style;
import concurrencydemo.report.Texts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The options every exercise command takes ({@code --dir}, {@code --no-color}, help), and what the
 * commands share through them: the writer, the language, the workbook, the exercise a name means,
 * and one way to turn a failed read or write of the working folder into a usage error. What an
 * exercise is and how it is graded is in {@link Exercises}; the commands only talk to the student.
 */
final class ExerciseOptions implements Speaking {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "option.help")
    boolean help;

    @Option(names = "--no-color", descriptionKey = "option.noColor")
    boolean noColor;

    @Option(names = "--dir", paramLabel = "<folder>", defaultValue = Workbook.DEFAULT_DIR,
            descriptionKey = "option.dir")
    String dir;

    @Option(names = "--trust-folder", descriptionKey = "option.trustFolder")
    boolean trustFolder;

    /**
     * What a suggested command adds after its words so that it works on the same folder: nothing
     * for the default folder, else {@code  --dir <folder>}, quoted for a POSIX shell when it must be.
     */
    String dirOption() {
        String trust = trustFolder ? " --trust-folder" : ""; // a suggestion works where this command did
        if (dir.equals(Workbook.DEFAULT_DIR)) {
            return trust;
        }
        boolean plain = dir.matches("[A-Za-z0-9_./~:+,@%=-]+") && !dir.startsWith("~");
        return " --dir " + (plain ? dir : "'" + dir.replace("'", "'\\''") + "'") + trust;
    }

    /** An exercise's name as a suggested command takes it: with {@link #dirOption()}. */
    String asTyped(String name) {
        return name + dirOption();
    }

    PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    Style style() {
        return Style.detect(noColor);
    }

    private Language language = Language.ENGLISH;

    /** Told by the command line: the language the command speaks from now on. */
    @Override
    public void speak(Language language) {
        this.language = language;
    }

    Language language() {
        return language;
    }

    Texts texts() {
        return Texts.of(language()).with(Exercises.BUNDLE);
    }

    Workbook workbook() {
        Path path;
        try {
            path = Path.of(dir);
        } catch (InvalidPathException e) {
            throw new LessonOptions.UsageError(mixee, Message.of("error.dir", dir, e.getReason()));
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new LessonOptions.UsageError(mixee, Message.of("error.dirNotFolder", dir));
        }
        try {
            return Workbook.open(path, trustFolder);
        } catch (FolderException e) {
            throw refused(e);
        } catch (java.nio.file.FileSystemException e) { // the folder itself: no permission, say
            return io(() -> {
                throw e;
            });
        } catch (IOException e) {
            throw ExitException.cannot(Message.of("error.progress", dir, String.valueOf(e.getMessage())));
        }
    }

    /** The exercise named {@code name}, or the workbook's current one when null. */
    Exercise exercise(String name, Workbook book) {
        if (name == null) {
            return book.current();
        }
        return Exercises.named(name).orElseThrow(() -> {
            String stem = name.substring(0, Math.min(3, name.length())).toLowerCase(java.util.Locale.ROOT);
            return Exercises.ALL.stream().map(Exercise::name).filter(n -> n.startsWith(stem)).findFirst()
                    .map(n -> new LessonOptions.UsageError(mixee, Message.of("error.exerciseDidYouMean", name, n)))
                    .orElseGet(() -> new LessonOptions.UsageError(mixee, Message.of("error.unknownExercise", name)));
        });
    }

    /** Something that reads or writes the working folder. */
    @FunctionalInterface
    interface Io<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code io}; a folder or file that cannot be read or written (no permission, a full
     * disk) is one line and exit 1: demo could not do it, the command line was right.
     */
    <T> T io(Io<T> io) {
        try {
            return io.run();
        } catch (FolderException e) {
            throw refused(e);
        } catch (IOException e) {
            String what = e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                    ? fs.getFile() : dir;
            Object why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? Message.of("error.io.missing")
                    : e instanceof java.nio.file.AccessDeniedException ? Message.of("error.io.denied")
                    : e instanceof java.nio.file.FileAlreadyExistsException ? Message.of("error.io.exists")
                    : e instanceof java.nio.file.DirectoryNotEmptyException ? Message.of("error.io.folderInTheWay")
                    : e.getMessage() != null ? e.getMessage().toLowerCase(java.util.Locale.ROOT)
                    : e.getClass().getSimpleName();
            throw ExitException.cannot(Message.of("error.workbookIo", what, why));
        }
    }

    /**
     * What the folder's state that demo will not work with comes to: one line and exit 2, the
     * student can put it right (and, for a folder others can write, say it is safe).
     */
    ExitException refused(FolderException e) {
        String path = show(e.path());
        Message why = switch (e.kind()) {
            case LINK -> Message.of("error.folder.link", path);
            case NOT_A_FILE -> Message.of("error.folder.notAFile", path);
            case NOT_A_FOLDER -> Message.of("error.folder.notAFolder", path);
            case TOO_LARGE -> Message.of("error.folder.tooLarge", path);
            case NOT_UTF8 -> Message.of(e.path().endsWith(Workbook.PROGRESS) ? "error.folder.progressNotUtf8" : "error.folder.notUtf8",
                    path, Integer.parseInt(e.detail()));
            case WRITABLE_BY_OTHERS -> e.detail().equals("windows-drive") ? Message.of("error.folder.writableWsl", path)
                    : Message.of("error.folder.writable", path, e.detail().startsWith("group:")
                            ? Message.of("error.folder.group", e.detail().substring("group:".length()))
                            : Message.of("error.folder.everyone"));
            case OWNED_BY_ANOTHER -> Message.of("error.folder.owned", path, e.detail());
            case PROGRESS_DAMAGED -> Message.of("error.folder.progress", path, e.detail());
            case BUSY -> Message.of("error.folder.busy", path, Integer.parseInt(e.detail()));
        };
        return new ExitException(ExitCode.USAGE, why);
    }

    /** A path as the student typed it: relative to where demo runs. */
    String show(Path p) {
        return p.toString();
    }

    /** Lists the exercise names for completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Exercises.ALL.stream().map(Exercise::name).iterator();
        }
    }
}
