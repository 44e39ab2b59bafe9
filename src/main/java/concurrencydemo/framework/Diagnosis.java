package concurrencydemo.framework;

import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.report.Message;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Where a thread or a child process is, as facts that lessons and exercises word as they need:
 * what a stuck program waits for. A thread's facts come from the JVM's own view of it
 * ({@link ThreadInfo}): the lock it waits for and, when the JDK knows it, that lock's holder.
 */
public final class Diagnosis {
    private Diagnosis() {
    }

    /** What a thread is doing. */
    public enum Activity {
        /** Waiting for a child process to exit (in {@code Process.waitFor()}). */
        WAITING_FOR_CHILD,
        /** Waiting for a thread to end ({@code Thread.join()}). */
        WAITING_FOR_THREAD,
        /** Waiting for a lock or monitor whose holder the JDK does not know. */
        WAITING_FOR_LOCK,
        /** Waiting for a lock or monitor that a named thread holds. */
        WAITING_FOR_HELD_LOCK,
        RUNNING,
        /** Waiting, for nothing the JDK names. */
        WAITING,
        BLOCKED,
        NOT_STARTED,
        FINISHED;

        /** Whether this says what the thread waits for (a child, a thread, a lock's holder). */
        public boolean namesWhatItWaitsFor() {
            return this == WAITING_FOR_CHILD || this == WAITING_FOR_THREAD || this == WAITING_FOR_HELD_LOCK;
        }
    }

    /**
     * One thread's state.
     *
     * @param name     the thread's name, as the student knows it
     * @param activity what it is doing
     * @param lock     the lock or monitor it waits for, by the name a student knows
     *                 ({@code ReentrantLock}), or null
     * @param holder   the name of the thread holding that lock, or null
     */
    public record ThreadState(String name, Activity activity, String lock, String holder) {
        /** In words: {@code T2 is waiting for a ReentrantLock held by T1}, {@code T1 is running}. */
        public Message words() {
            return switch (activity) {
                case WAITING_FOR_CHILD -> Message.of("thread.waitingForChild", name);
                case WAITING_FOR_THREAD -> Message.of("thread.waitingForThread", name);
                case WAITING_FOR_LOCK -> Message.of(article("thread.waitingFor", lock), name, lock);
                case WAITING_FOR_HELD_LOCK -> Message.of(article("thread.waitingForHeld", lock), name, lock, holder);
                case RUNNING -> Message.of("thread.running", name);
                case WAITING -> Message.of("thread.waiting", name);
                case BLOCKED -> Message.of("thread.blocked", name);
                case NOT_STARTED -> Message.of("thread.notStarted", name);
                case FINISHED -> Message.of("thread.finished", name);
            };
        }
    }

    /** The state of {@code t}, naming it {@code name}. */
    public static ThreadState of(Thread t, String name) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
        Thread.State state = t.getState();
        boolean waits = state == Thread.State.WAITING || state == Thread.State.BLOCKED
                || state == Thread.State.TIMED_WAITING;
        if (waits && inWaitFor(t)) {
            // Process.waitFor(): on JDK 17 a wait on the ProcessImpl's monitor, on JDK 25 on a
            // condition of its lock; the frame says it whichever the JDK
            return new ThreadState(name, Activity.WAITING_FOR_CHILD, null, null);
        }
        if (info != null && info.getLockName() != null && waits && !info.getLockName().contains("ConditionObject")) {
            // (a Condition's await names no lock a student took: it waits in await(), as below)
            String lock = lockName(info.getLockName());
            if (lock.equals("Thread")) { // Thread.join(): a wait on the thread's own monitor
                return new ThreadState(name, Activity.WAITING_FOR_THREAD, null, null);
            }
            String holder = info.getLockOwnerName();
            return new ThreadState(name, holder == null ? Activity.WAITING_FOR_LOCK : Activity.WAITING_FOR_HELD_LOCK,
                    lock, holder);
        }
        Activity activity = switch (state) {
            case RUNNABLE -> Activity.RUNNING;
            case WAITING, TIMED_WAITING -> Activity.WAITING;
            case BLOCKED -> Activity.BLOCKED;
            case NEW -> Activity.NOT_STARTED;
            case TERMINATED -> Activity.FINISHED;
        };
        return new ThreadState(name, activity, null, null);
    }

    /** Whether {@code t} is in {@code Process.waitFor}, by its frames. */
    private static boolean inWaitFor(Thread t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getMethodName().equals("waitFor") && (frame.getClassName().equals("java.lang.ProcessImpl")
                    || frame.getClassName().equals("java.lang.Process"))) {
                return true;
            }
        }
        return false;
    }

    /** The state of {@code t}, by its own name. */
    public static ThreadState of(Thread t) {
        return of(t, t.getName());
    }

    /** A child process's state in words: {@code P2 (pid 4242) running}. */
    public static Message of(ChildProcess p) {
        return switch (p.state()) {
            case NOT_STARTED -> Message.of("process.notStarted", p.name());
            case RUNNING -> Message.of("process.running", p.name(), p.pid());
            case STOPPED -> Message.of("process.stopped", p.name(), p.pid());
            case EXITED -> Message.of("process.exited", p.name(), p.pid(), p.exitCode());
        };
    }

    /**
     * {@code key}, or its {@code An} twin when {@code noun} begins with a vowel: English says
     * "an Object", "a ReentrantLock" (other languages' bundles give both keys the same text).
     */
    public static String article(String key, String noun) {
        return noun != null && !noun.isEmpty() && "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0 ? key + "An" : key;
    }

    /**
     * {@code java.util.concurrent.locks.ReentrantLock$NonfairSync@1b2c} as a student knows it:
     * {@code ReentrantLock}; a monitor ({@code synchronized}) by its object's simple class name,
     * an array's as Java writes its type ({@code [B} is {@code byte[]}).
     */
    private static String lockName(String lockName) {
        int at = lockName.indexOf('@');
        String cls = at < 0 ? lockName : lockName.substring(0, at);
        if (cls.startsWith("[")) {
            return arrayType(cls);
        }
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        int inner = cls.indexOf('$');
        if (inner > 0 && cls.substring(inner + 1).endsWith("Sync")) {
            return cls.substring(0, inner); // the lock, not its synchronizer
        }
        return cls.replace('$', '.');
    }

    /** A JVM array descriptor ({@code [B}, {@code [[Ljava.lang.String;}) as Java source writes the type. */
    static String arrayType(String descriptor) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = descriptor.substring(dims);
        String name = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            default -> {
                String cls = element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
                yield cls.substring(cls.lastIndexOf('.') + 1).replace('$', '.');
            }
        };
        return name + "[]".repeat(dims);
    }
}
