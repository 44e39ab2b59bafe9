package concurrencydemo.multiprocessing;

/**
 * Started by {@link ToolOptionsTest} in a JVM of its own: starts one child that prints the system
 * properties {@code demo.probe.tool} and {@code demo.probe.jdk} on stderr, which the parent relays
 * to its stdout as {@code [P1] …}, as a lesson shows its children's lines.
 */
public final class ToolOptionsProbe {
    private ToolOptionsProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.create(System.out::println)) {
            ChildProcess child = ws.process("P1", () -> System.err.println(
                    "tool=" + System.getProperty("demo.probe.tool") + " jdk=" + System.getProperty("demo.probe.jdk"))).start();
            child.join();
            System.out.println("exit " + child.exitCode());
        }
    }
}
