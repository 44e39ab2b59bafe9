package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A {@link Workspace} could not create, map or bind something in the file system: a private
 * directory, a shared-memory or lock file, a queue socket.
 *
 * <p>Carries facts, not advice: what was attempted ({@link #operation}), on which path as the
 * program saw it ({@link #path}, a string because it may not be representable as a
 * {@link java.nio.file.Path}), and why, as the operating system or the JDK put it
 * ({@link #reason}: {@code read-only file system}, {@code not a directory}, {@code permission
 * denied}, {@code no space left on device}, ...). The message is
 * {@code cannot <operation> <path>: <reason>}.
 */
public final class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the workspace was doing. */
    public enum Operation {
        /** Creating the workspace's private directory in a base directory ({@code $TMPDIR}). */
        CREATE_DIRECTORY("create a private directory in"),
        /** Creating a file in the workspace: shared memory, a lock file, the workspace marker. */
        CREATE_FILE("create"),
        /** Mapping an existing shared-memory file (in a child process). */
        MAP_FILE("map"),
        /** Binding a queue's Unix-domain socket. */
        BIND_SOCKET("bind a socket at");

        private final String words;

        Operation(String words) {
            this.words = words;
        }
    }

    private final Operation operation;
    private final String path;
    private final String reason;

    WorkspaceException(Operation operation, String path, String reason, Throwable cause) {
        super("cannot " + operation.words + " " + path + ": " + reason, cause);
        this.operation = operation;
        this.path = path;
        this.reason = reason;
    }

    /** {@code operation} on {@code path} failed with {@code cause}: the reason in lower case, as the system says it. */
    public static WorkspaceException of(Operation operation, Object path, IOException cause) {
        return new WorkspaceException(operation, String.valueOf(path), reason(cause), cause);
    }

    static WorkspaceException of(Operation operation, String path, InvalidPathException cause) {
        return new WorkspaceException(operation, path, "not a valid path in file-name encoding "
                + System.getProperty("sun.jnu.encoding", "?") + " (" + cause.getReason() + ")", cause);
    }

    /** What was attempted. */
    public Operation operation() {
        return operation;
    }

    /** The path it was attempted on, as this program spelled it. */
    public String path() {
        return path;
    }

    /** Why it failed, in the operating system's or the JDK's words, lower-cased. */
    public String reason() {
        return reason;
    }

    /** The reason an I/O operation failed, without the path (which the message gives once). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.toLowerCase(Locale.ROOT);
    }
}
