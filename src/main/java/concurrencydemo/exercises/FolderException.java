package concurrencydemo.exercises;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Something in the student's working folder that demo will not read or write as it is: a link, a
 * file that is not a plain file, one too large or not UTF-8, a folder other users can write. Says
 * what and where ({@link #kind}, {@link #path}, {@link #detail}); the command line words it. Unlike
 * a plain {@link IOException} (no permission, a full disk) it is the folder's state, not demo's
 * failure: the student can put it right.
 */
public final class FolderException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        /** A symbolic link where demo reads or writes: it follows none. */
        LINK,
        /** A folder, a device, a pipe or a socket where demo needs a plain file. */
        NOT_A_FILE,
        /** A file where demo needs a folder. */
        NOT_A_FOLDER,
        /** A file larger than {@link WorkingFolder#MAX_FILE}; {@link #detail} is its size in bytes. */
        TOO_LARGE,
        /** A file that is not UTF-8; {@link #detail} is the line of its first bad byte. */
        NOT_UTF8,
        /** A folder other users can write; {@link #detail} says who ("others", or the group's name). */
        WRITABLE_BY_OTHERS,
        /** A folder or file that belongs to another user; {@link #detail} is that user's name. */
        OWNED_BY_ANOTHER,
        /** The progress file cannot be read as properties; {@link #detail} says why. */
        PROGRESS_DAMAGED,
        /** Another demo holds the progress lock for longer than demo waits; {@link #detail}: seconds. */
        BUSY
    }

    private final Kind kind;
    private final transient Path path;
    private final String detail;

    public FolderException(Kind kind, Path path, String detail) {
        super(kind + " " + path + (detail.isEmpty() ? "" : " (" + detail + ")"));
        this.kind = kind;
        this.path = path;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }

    public String detail() {
        return detail;
    }
}
