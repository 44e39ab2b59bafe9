package concurrencydemo.multiprocessing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start a child JVM like this one: the same {@code java} binary and class path, with flags
 * that make a short-lived JVM start fast (C1 only, serial GC, a small heap), and this JVM's
 * class-data-sharing archive when it has one, so that children load classes as fast as the parent.
 *
 * <p>The flags every demo JVM gets are written once, in {@code jvm.flags} beside this class: the
 * launchers read the same file from the source tree.
 *
 * <p>{@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} apply to a child as they would if it
 * inherited them, but never from its environment: a JVM that finds them there says so on stderr
 * ("Picked up JAVA_TOOL_OPTIONS: …"), and a child's stderr is relayed among the lesson's output. So
 * they are taken out of the child's environment and their options, split as the JVM splits them,
 * come first on its command line (where the command line's own flags still win, as over the
 * variables). The launcher {@code demo} does the same for the JVM it starts and leaves the original
 * values in {@code DEMO_JAVA_TOOL_OPTIONS} and {@code DEMO_JDK_JAVA_OPTIONS}, which children read
 * when the variables themselves are gone, and get in turn for their own children. A value the JVM
 * would refuse, or a {@code JAVA_TOOL_OPTIONS} holding an option that is not the JVM's own, is left
 * in the environment (see {@link #takenOptions}): the JVM then does with it what it does without
 * demo, notice included. ({@code _JAVA_OPTIONS}, which the JVM reads after the command line, is
 * not taken over.)
 */
final class Jvm {
    /** The variables the JVM ({@code JAVA_TOOL_OPTIONS}) and the java launcher read options from. */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    /** Where demo keeps the value of {@code OPTION_VARIABLES.get(i)} once it has taken it over. */
    static final String TAKEN_OVER = "DEMO_";

    static final List<String> QUICK_START = quickStart();

    private static List<String> quickStart() {
        List<String> flags = new ArrayList<>(sharedFlags());
        flags.add("-Xmx64m");
        // the parent's archive (see inherited()) is used quietly: no warning when it does not fit
        flags.add("-Xlog:cds=off");
        flags.add("-Xlog:cds+dynamic=off");
        return List.copyOf(flags);
    }

    /** The flags in {@code jvm.flags}: one a line, {@code #} comments. */
    static List<String> sharedFlags() {
        try (InputStream in = Jvm.class.getResourceAsStream("jvm.flags")) {
            if (in == null) {
                throw new IllegalStateException("jvm.flags is missing from the class path");
            }
            List<String> flags = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String flag = line.strip();
                if (!flag.isEmpty() && !flag.startsWith("#")) {
                    flags.add(flag);
                }
            }
            return List.copyOf(flags);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jvm.flags", e);
        }
    }

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
     * traces when {@code stackTraces} or when this JVM prints them. Start it with
     * {@link #processBuilder}, which gives it the environment this command assumes.
     */
    static List<String> command(Class<?> mainClass, Path extraClassPath, boolean stackTraces) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(environmentOptions(System.getenv()));
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
     * A process builder for {@code command} (from {@link #command}), whose environment holds none of
     * {@link #OPTION_VARIABLES}: their values move to {@code DEMO_…}, and the command carries their
     * options.
     */
    static ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        takeOver(pb.environment());
        return pb;
    }

    /**
     * The options in {@code env}'s {@code JAVA_TOOL_OPTIONS} and then {@code JDK_JAVA_OPTIONS} (or,
     * where one is not set, in its {@code DEMO_…} copy), in the order the JVM applies them.
     */
    static List<String> environmentOptions(Map<String, String> env) {
        List<String> options = new ArrayList<>();
        for (String variable : OPTION_VARIABLES) {
            List<String> taken = takenOptions(env, variable);
            if (taken != null) {
                options.addAll(taken);
            }
        }
        return options;
    }

    /**
     * Moves each of {@link #OPTION_VARIABLES} in {@code env} that demo takes over to its
     * {@code DEMO_…} copy; one it does not take over (see {@link #takenOptions}) stays as it is.
     */
    static void takeOver(Map<String, String> env) {
        for (String variable : OPTION_VARIABLES) {
            String value = env.get(variable);
            if (value != null && takenOptions(env, variable) != null) {
                env.remove(variable);
                env.put(TAKEN_OVER + variable, value);
            }
        }
    }

    /**
     * The options demo takes over from {@code variable}, or null when it leaves the variable to the
     * JVM: not set; a value HotSpot would refuse (see {@link #splitOptions}); for
     * {@code JAVA_TOOL_OPTIONS}, one with an option that is not the JVM's own (the java launcher's
     * {@code -version} or {@code @file}, say), which on a command line would act where in the
     * variable it fails; for {@code JDK_JAVA_OPTIONS}, one that names a program ({@code -jar}). The JVM then says "Picked up …" as it would without demo. A value found
     * only in its {@code DEMO_…} copy was taken over already (by the launcher, or a parent).
     */
    static List<String> takenOptions(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null) {
            String copy = env.get(TAKEN_OVER + variable);
            return copy == null ? null : splitOptions(copy);
        }
        List<String> options = splitOptions(value);
        if (options == null || !options.stream().allMatch(variable.equals("JAVA_TOOL_OPTIONS")
                ? Jvm::isVmOption : Jvm::isLauncherOption)) {
            return null;
        }
        return options;
    }

    /**
     * Whether the java launcher takes {@code option} in JDK_JAVA_OPTIONS: an option or an
     * {@code @file}, but nothing that names the program to run.
     */
    private static boolean isLauncherOption(String option) {
        return (option.startsWith("-") || option.startsWith("@")) && !option.equals("-jar") && !option.equals("-m")
                && !option.equals("--module") && !option.startsWith("--module=");
    }

    /** Whether {@code option} is one the JVM itself takes in JAVA_TOOL_OPTIONS, not the java launcher's. */
    private static boolean isVmOption(String option) {
        if (option.startsWith("-XshowSettings") || option.startsWith("-Xdiag")) {
            return false; // the launcher's, though they start with -X
        }
        for (String prefix : List.of("-D", "-X", "-agentlib:", "-agentpath:", "-javaagent:", "-verbose", "-ea", "-da",
                "-esa", "-dsa", "-enableassertions", "-disableassertions", "-enablesystemassertions",
                "-disablesystemassertions")) {
            if (option.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code value} split into options as HotSpot splits {@code JAVA_TOOL_OPTIONS}: at white space (C's
     * {@code isspace}),
     * except inside single or double quotes, which group (and are removed) wherever they stand in
     * an option: {@code -Dx="a b"} is the one option {@code -Dx=a b}. Null for a value the JVM
     * would refuse to start with: an unmatched quote, or an empty option ({@code ''}).
     */
    static List<String> splitOptions(String value) {
        List<String> options = new ArrayList<>();
        StringBuilder option = new StringBuilder();
        boolean inOption = false;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    option.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inOption = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B') {
                if (inOption) {
                    if (option.length() == 0) {
                        return null; // '' : the JVM refuses an empty option
                    }
                    options.add(option.toString());
                }
                option.setLength(0);
                inOption = false;
            } else {
                option.append(c);
                inOption = true;
            }
        }
        if (quote != 0 || inOption && option.length() == 0) {
            return null; // an unmatched quote, or a last empty option: the JVM refuses the value
        }
        if (inOption) {
            options.add(option.toString());
        }
        return options;
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
