package concurrencydemo.multiprocessing;

import java.io.DataInputStream;
import java.io.DataOutputStream;

/**
 * What a task running in a child process knows of itself: its name, and its binary channels to
 * the parent. Only meaningful inside a child; {@link #current()} is {@code null} in the parent.
 */
public final class Child {
    private static volatile Child current;

    private final String name;
    private final DataInputStream fromParent;
    private final DataOutputStream toParent;

    Child(String name, DataInputStream fromParent, DataOutputStream toParent) {
        this.name = name;
        this.fromParent = fromParent;
        this.toParent = toParent;
    }

    /** This process's child context, or {@code null} when not running in a child. */
    public static Child current() {
        return current;
    }

    static void install(Child child) {
        current = child;
    }

    /** The name the parent gave this child, e.g. {@code P1}. */
    public String name() {
        return name;
    }

    DataInputStream fromParent() {
        return fromParent;
    }

    DataOutputStream toParent() {
        return toParent;
    }
}
