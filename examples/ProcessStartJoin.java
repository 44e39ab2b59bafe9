// Seed: 创建并开启进程 (creating and starting processes). Lesson: ./demo processes
// Run: java examples/ProcessStartJoin.java      (2 of 2 processes finished, exit codes [0, 0], on two CPUs)
// Each process is a new JVM running this same file with the argument "child".
import java.util.ArrayList;
import java.util.List;

// 中文说明（原文“创建并开启进程”。详见 ./demo processes --lang zh-CN）
// 运行：java examples/ProcessStartJoin.java（两个 CPU 时打印 2 of 2 processes finished, exit codes [0, 0]）
// 每个子进程都是一个新的 JVM，运行的就是这个文件本身，只是多了一个参数“child”。
// 代码里的注释：
// - args 不为空：说明自己是子进程。
// - 进程数取 CPU 数，对应 Python 的 os.cpu_count()；p.start() 对应 process.start()。
// - p.waitFor() 对应 process.join()：main 在这里阻塞，直到那个子进程退出。
// - 进程还在运行时调用 exitValue() 会抛出异常，所以先用 isAlive() 看它是否还在运行。
// - javaCommand：在新 JVM 里再次运行本程序的命令（从源文件运行时用源文件，编译过则用类名）。
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
