// Seed: 进程间分享数据 (sharing data between processes). Lesson: ./demo race-condition
// Run: java examples/SharedValueArray.java      (Value at end is well below 200: updates lost)
// Python's Value and Array live in shared memory; here, a small file that every process maps.
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

// 中文说明（原文“进程间分享数据”。详见 ./demo race-condition --lang zh-CN）
// 运行：java examples/SharedValueArray.java（Value 最后远小于 200：更新丢失了）
// Python 的 Value 和 Array 放在共享内存里；这里用的是一个小文件，每个进程都把它映射进自己的内存（内存映射文件）。
// 代码里的注释：
// - VALUE、ARRAY、READY：各项在共享文件里的字节偏移。
// - READY 计数：四个子进程都到齐了才一起开始。
// - 读 Value、停 0.2 ms、再写回“读到的值 + 1”：另一个进程趁停下的这一会儿读到同一个值，于是这次写入会抹掉它的更新（丢失更新）。
// - javaCommand：在新 JVM 里再次运行本程序的命令（从源文件运行时用源文件，编译过则用类名）。
public class SharedValueArray {
    static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    static final VarHandle DOUBLE = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.nativeOrder());
    static final int VALUE = 0, ARRAY = 8, READY = 32;   // byte offsets in the shared file

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            child(args[0], Path.of(args[1]));
            return;
        }
        Path file = Files.createTempFile("shared", ".mem");
        try {
            MappedByteBuffer memory = map(file);
            double[] start = {0.0, 100.0, 200.0};
            for (int i = 0; i < 3; i++) {
                DOUBLE.setVolatile(memory, ARRAY + 8 * i, start[i]);
            }
            System.out.println("Value at beginning: " + (int) INT.getVolatile(memory, VALUE));
            System.out.println("Array at beginning: " + Arrays.toString(array(memory)));
            List<Process> processes = new ArrayList<>();
            for (String what : List.of("value", "value", "array", "array")) {
                processes.add(new ProcessBuilder(javaCommand(what, file.toString())).inheritIO().start());
            }
            for (Process p : processes) {
                p.waitFor();
            }
            System.out.println("Value at end: " + (int) INT.getVolatile(memory, VALUE));
            System.out.println("Array at end: " + Arrays.toString(array(memory)));
            System.out.println("end main");
        } finally {
            Files.delete(file);
        }
    }

    static void child(String what, Path file) throws Exception {
        MappedByteBuffer memory = map(file);
        INT.getAndAdd(memory, READY, 1);                  // start together: wait for all four
        while ((int) INT.getVolatile(memory, READY) < 4) {
            Thread.sleep(1);
        }
        for (int n = 0; n < 100; n++) {
            if (what.equals("value")) {
                int v = (int) INT.getVolatile(memory, VALUE);       // read
                LockSupport.parkNanos(200_000);                      // another process reads now
                INT.setVolatile(memory, VALUE, v + 1);               // write: may erase its update
            } else {
                for (int i = 0; i < 3; i++) {
                    double d = (double) DOUBLE.getVolatile(memory, ARRAY + 8 * i);
                    LockSupport.parkNanos(200_000);
                    DOUBLE.setVolatile(memory, ARRAY + 8 * i, d + 1);
                }
            }
        }
    }

    static double[] array(MappedByteBuffer memory) {
        double[] a = new double[3];
        for (int i = 0; i < 3; i++) {
            a[i] = (double) DOUBLE.getVolatile(memory, ARRAY + 8 * i);
        }
        return a;
    }

    static MappedByteBuffer map(Path file) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, 64);
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
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SharedValueArray.class.getName()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }
}
