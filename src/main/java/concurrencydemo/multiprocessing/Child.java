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

    /**
     * The write end of this child's pipe to its parent, which reads it with
     * {@link ChildProcess#pipe()}: the operating system's pipe on the child's standard output,
     * behind a buffer of 8 KiB. A pipe holds a bounded number of bytes (64 KiB on Linux); a write
     * that finds it full blocks until the parent reads. What is left in the buffer is flushed when
     * the task returns, before the child exits, so a child that wrote more than the pipe holds does
     * not exit until its parent has read it: as a Python process that put items on a
     * {@code multiprocessing.Queue} waits at exit until its feeder thread has written them all to
     * the queue's pipe. Not for a {@link Pool}'s worker, whose pool talks on this channel.
     */
    public DataOutputStream pipe() {
        return toParent;
    }
}
