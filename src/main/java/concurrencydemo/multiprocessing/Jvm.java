package concurrencydemo.multiprocessing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a child JVM like this one: the same {@code java} binary and class path, with flags
 * that make a short-lived JVM start fast (C1 only, serial GC, a small heap), and this JVM's
 * class-data-sharing archive when it has one, so that children load classes as fast as the parent.
 */
final class Jvm {
    static final List<String> QUICK_START = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k",
            "-Xmx64m", "-XX:CICompilerCount=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
            // A child's stdout is its binary channel to the parent: Ctrl-\ (SIGQUIT) reaches the
            // whole process group, and the JVM's thread dump must not land in that channel.
            "-XX:+DisplayVMOutputToStderr");

    private Jvm() {
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The system property that makes a child print a throwing task's whole stack trace; passed on
     * to the child's own children.
     */
    static final String STACK_TRACES = "demo.child.stackTraces";

    /** The command line that runs {@code mainClass} in a new JVM, ready for its arguments. */
    static List<String> command(Class<?> mainClass) {
        return command(mainClass, null, false);
    }

    /**
     * As above, with {@code extraClassPath} (or null) after this JVM's class path, and whole stack
     * traces when {@code stackTraces} or when this JVM prints them.
     */
    static List<String> command(Class<?> mainClass, Path extraClassPath, boolean stackTraces) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(QUICK_START);
        cmd.addAll(inherited());
        if (stackTraces || Boolean.getBoolean(STACK_TRACES)) {
            cmd.add("-D" + STACK_TRACES + "=true");
        }
        cmd.add("-cp");
        String classPath = System.getProperty("java.class.path");
        cmd.add(extraClassPath == null ? classPath : classPath + File.pathSeparator + extraClassPath);
        cmd.add(mainClass.getName());
        return cmd;
    }

    /**
     * This JVM's {@code -XX:SharedArchiveFile=…} (the launcher's class-data archive) and
     * {@code -XX:ErrorFile=…} (where a crash report goes, never the user's folder), read from its
     * command line, if it has them.
     */
    private static List<String> inherited() {
        String[] args = ProcessHandle.current().info().arguments().orElse(new String[0]);
        List<String> flags = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:ErrorFile=")) {
                flags.add(a);
            }
        }
        return flags;
    }
}
