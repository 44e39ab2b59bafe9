package concurrencydemo.multiprocessing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The main class of every child JVM: reads its {@link Task} from standard input, watches its
 * parent, runs the task, and exits 0 when it returns, {@link #TASK_THREW} when it throws.
 *
 * <p>Arguments: the child's name and the parent's pid.
 */
public final class ChildMain {
    /** How often the child checks that its parent is still alive. */
    static final long PARENT_CHECK_MILLIS = 200;
    /** Exit code of a child that found its parent gone. */
    static final int ORPHANED = 3;
    /**
     * Exit code of a child whose task threw. Not 1: the {@code java} launcher itself exits 1 when
     * the JVM cannot start or cannot load this class (say, its jar was deleted).
     */
    static final int TASK_THREW = 4;
    /**
     * The line a child writes on its stderr just before it runs its task: its parent's output
     * pump takes it for {@link ChildProcess#taskBegun} and shows it to no one, also at the end of
     * a line the program left unended. A NUL starts it, so no program's own line holds it by chance.
     */
    static final String TASK_BEGUN = "\u0000demo: task begun";

    private ChildMain() {
    }

    public static void main(String[] args) {
        String name = args[0];
        long parentPid = Long.parseLong(args[1]);
        watchParent(parentPid);

        DataOutputStream toParent = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // Both of the task's print streams go to stderr, which the parent shows line by line.
        PrintStream human = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(human);
        System.setErr(human);
        DataInputStream fromParent = new DataInputStream(new BufferedInputStream(System.in));
        int status = 0;
        try {
            Task task = Frames.deserialize(Frames.read(fromParent));
            Child.install(new Child(name, fromParent, toParent));
            human.println(TASK_BEGUN);
            task.run();
            toParent.flush();
        } catch (Throwable t) {
            if (Boolean.getBoolean(Jvm.STACK_TRACES)) {
                t.printStackTrace(human);
            } else {
                human.println(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            status = TASK_THREW;
        }
        human.flush();
        System.exit(status);
    }

    /**
     * Loads what a child loads to receive and run a task, in this JVM: for the launcher's
     * class-data archive, which the children share (see {@code ArchiveTraining}).
     */
    public static void rehearse() {
        SharedCounter counter = new SharedCounter();
        Task task = () -> counter.hashCode();
        try {
            ((Task) Frames.deserialize(Frames.serialize(task))).run();
        } catch (Exception ignored) {
            // a rehearsal: only the classes it loads matter
        }
        new Child("rehearsal", null, null).name();
    }

    /** Something serializable for {@link #rehearse} to capture. */
    private static final class SharedCounter implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static void watchParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        Thread watcher = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
