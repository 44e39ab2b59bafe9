// Seed: 创建并开启进程 (creating and starting processes). Lesson: ./demo processes
// Run: java examples/ProcessStartJoin.java      (2 of 2 processes finished, exit codes [0, 0], on two CPUs)
// Each process is a new JVM running this same file with the argument "child".
import java.util.ArrayList;
import java.util.List;

public class ProcessStartJoin {
    static void squareNumbers() {
        for (int i = 0; i < 1000; i++) {
            int result = i * i;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {              // we are a child process
            squareNumbers();
            return;
        }
        int numProcesses = Runtime.getRuntime().availableProcessors(); // Python: os.cpu_count()
        List<ProcessBuilder> processes = new ArrayList<>();
        for (int i = 0; i < numProcesses; i++) {
            processes.add(new ProcessBuilder(javaCommand("child")).inheritIO());
        }
        List<Process> started = new ArrayList<>();
        for (ProcessBuilder p : processes) {
            started.add(p.start());          // Python: process.start()
        }
        for (Process p : started) {
            p.waitFor();                     // Python: process.join(): main blocks until it exits
        }
        List<String> exitCodes = new ArrayList<>();
        for (Process p : started) {          // exitValue() throws while a process still runs
            exitCodes.add(p.isAlive() ? "running" : String.valueOf(p.exitValue()));
        }
        long finished = exitCodes.stream().filter(code -> !code.equals("running")).count();
        System.out.println(finished + " of " + numProcesses + " processes finished, exit codes " + exitCodes);
        System.out.println("end main");
    }

    /** The command that runs this program again in a new JVM: its source file, or its class once compiled. */
    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        String source = null;
        for (String a : ProcessHandle.current().info().arguments().orElseThrow()) {
            if (a.endsWith(".java")) {
                source = a;
                break;
            }
        }
        if (source != null) {
            cmd.add(source);
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessStartJoin.class.getName()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }
}
