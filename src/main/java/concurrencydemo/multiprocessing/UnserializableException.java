package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;

/**
 * An object to be sent to another process (a task, a pool's function or argument or result, a
 * queue item) could not be serialized: typically a lambda captured something that is not
 * {@link java.io.Serializable}. Thrown in the thread that tried to send it.
 */
public final class UnserializableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String sentClass;
    private final String offendingClass;

    UnserializableException(Object sent, IOException cause) {
        super(message(sent, cause), cause);
        this.sentClass = sent.getClass().getName();
        this.offendingClass = offendingClass(sent, cause);
    }

    /** The class of the object that was to be sent. */
    public String sentClass() {
        return sentClass;
    }

    /** The class that could not be serialized: the sent object's own, or one it refers to. */
    public String offendingClass() {
        return offendingClass;
    }

    private static String offendingClass(Object sent, IOException cause) {
        if (cause instanceof NotSerializableException && cause.getMessage() != null) {
            return cause.getMessage(); // the JDK puts the class name there
        }
        if (cause instanceof InvalidClassException invalid && invalid.classname != null) {
            return invalid.classname;
        }
        return sent.getClass().getName();
    }

    private static String message(Object sent, IOException cause) {
        String offending = offendingClass(sent, cause);
        return "cannot serialize " + sent.getClass().getName() + ": "
                + (cause instanceof NotSerializableException
                        ? offending + " is not serializable"
                        : cause.toString());
    }
}
