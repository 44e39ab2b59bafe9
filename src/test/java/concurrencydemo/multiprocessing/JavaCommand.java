package concurrencydemo.multiprocessing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests that start {@code java} themselves: what the launcher {@code demo} does, so that a
 * {@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS} of the machine still applies but prints no
 * "Picked up …" among the output the test reads.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    /**
     * A process builder for this JVM's {@code java} with {@code args}: the options of the
     * environment's {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} first, and those variables
     * moved to {@code DEMO_…} in its environment.
     */
    public static ProcessBuilder java(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Jvm.environmentOptions(System.getenv()));
        command.addAll(args);
        return Jvm.processBuilder(command);
    }
}
