// Seed: 在上下文管理器中使用锁 (the lock as a context manager, processes). Lesson: ./demo locks --processes
// Run: java examples/ProcessLockContext.java      (Value at end: 200)
// Python's `with lock:` is try-with-resources on a FileLock: released however the block ends.
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

// 中文说明（原文“在上下文管理器中使用锁”，多进程版。详见 ./demo locks --processes --lang zh-CN）
// 运行：java examples/ProcessLockContext.java（Value 最后是 200）
// Python 的 with lock: 在 Java 里就是对 FileLock 用 try-with-resources：代码块不管怎样结束，锁都会释放。
// 代码里的注释：
// - try (FileLock lock = …) 对应 Python 的 with lock:；离开代码块时释放锁，抛出异常时也一样。
// - javaCommand：在新 JVM 里再次运行本程序的命令（从源文件运行时用源文件，编译过则用类名）。
public class ProcessLockContext {
    static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            add100(Path.of(args[0]));
            return;
        }
        Path file = Files.createTempFile("value", ".mem");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer value = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);
            System.out.println("Value at beginning: " + (int) INT.getVolatile(value, 0));
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(new ProcessBuilder(javaCommand(file.toString())).inheritIO().start());
            }
            for (Process p : processes) {
                p.waitFor();
            }
            System.out.println("Value at end: " + (int) INT.getVolatile(value, 0));
            System.out.println("end main");
        } finally {
            Files.delete(file);
        }
    }

    static void add100(Path file) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer value = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);
            for (int n = 0; n < 100; n++) {
                LockSupport.parkNanos(1_000_000);
                try (FileLock lock = ch.lock(4, 1, false)) {     // Python: with lock:
                    int v = (int) INT.getVolatile(value, 0);
                    LockSupport.parkNanos(100_000);
                    INT.setVolatile(value, 0, v + 1);
                }                                               // released here, even on an exception
            }
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
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessLockContext.class.getName()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }
}
