// Seed: 进程池 (process pools). Lesson: ./demo pools
// Run: java examples/ProcessPool.java      (prints [0, 1, 8, 27, 64, 125, 216, 343, 512, 729])
// A tiny pool: one worker JVM per CPU. The parent writes "index number" lines to each worker's
// standard input; a worker answers "index cube" lines; the parent puts each cube at its index,
// so the result is in order whichever worker finished first. The numbers are dealt out in turn,
// up front; Python's Pool.map instead sends chunks of them (chunksize) to whichever worker is free.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

// 中文说明（原文“进程池”。详见 ./demo pools --lang zh-CN）
// 运行：java examples/ProcessPool.java（打印 [0, 1, 8, 27, 64, 125, 216, 343, 512, 729]）
// 一个极简的进程池：每个 CPU 一个工作进程（子 JVM）。父进程往每个工作进程的标准输入写“序号 数”这样的行，
// 工作进程回答“序号 立方”；父进程把每个立方放回它的序号处，所以不管哪个工作进程先做完，结果都按原来的顺序。
// 这些数事先轮流分给各个工作进程；Python 的 Pool.map 则是把它们分成小块（chunksize），交给哪个空闲就给哪个。
// 代码里的注释：
// - 工作进程个数取 CPU 数：Python 的 Pool() 也默认用 os.cpu_count()。
// - map：把数轮流分出去，然后关闭每个工作进程的输入（对应 Python 的 p.close()）。
// - worker.waitFor() 对应 Python 的 p.join()。
// - javaCommand：在新 JVM 里再次运行本程序的命令（从源文件运行时用源文件，编译过则用类名）。
public class ProcessPool {
    static long cube(long number) throws InterruptedException {
        System.err.println("Hi");
        Thread.sleep(10);
        return number * number * number;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            worker();
            return;
        }
        int[] numbers = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int size = Runtime.getRuntime().availableProcessors();     // Python: Pool() uses os.cpu_count()
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < size; w++) {
            workers.add(new ProcessBuilder(javaCommand("worker"))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        // map: hand the numbers out in turn, then close each worker's input (Python: p.close())
        for (int w = 0; w < size; w++) {
            try (PrintWriter toWorker = new PrintWriter(workers.get(w).getOutputStream())) {
                for (int i = w; i < numbers.length; i += size) {
                    toWorker.println(i + " " + numbers[i]);
                }
            }
        }
        long[] result = new long[numbers.length];
        for (Process worker : workers) {
            try (BufferedReader fromWorker = new BufferedReader(new InputStreamReader(worker.getInputStream()))) {
                String line;
                while ((line = fromWorker.readLine()) != null) {
                    String[] parts = line.split(" ");
                    result[Integer.parseInt(parts[0])] = Long.parseLong(parts[1]);
                }
            }
            worker.waitFor();                                       // Python: p.join()
        }
        System.out.println(Arrays.toString(result));
    }

    static void worker() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ");
            System.out.println(parts[0] + " " + cube(Long.parseLong(parts[1])));
        }
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
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessPool.class.getName()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }
}
