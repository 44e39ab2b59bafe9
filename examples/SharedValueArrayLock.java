// Seed: 可以使用锁避免资源竟态 (a lock avoids the race). Lesson: ./demo race-condition
// Run: java examples/SharedValueArrayLock.java      (Value at end: 200, Array at end: [200.0, 300.0, 400.0])
// The same shared memory as SharedValueArray.java, with an OS file lock around each update:
// one lock for the Value (byte 0 of the lock file), one for the Array (byte 1).
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

// 中文说明（原文“可以使用锁避免资源竟态”（“竟态”是原文笔误，应为“竞态”）。详见 ./demo race-condition --lang zh-CN）
// 运行：java examples/SharedValueArrayLock.java（Value 最后是 200，Array 最后是 [200.0, 300.0, 400.0]）
// 共享内存和 SharedValueArray.java 相同，只是每次更新都用操作系统的文件锁包起来：
// Value 一把锁（锁文件的第 0 个字节），Array 一把锁（第 1 个字节）。
// 代码里的注释：
// - VALUE、ARRAY、READY：各项在共享文件里的字节偏移；READY 计数让四个子进程到齐后一起开始。
// - lockFile.lock(…) 对应 Python 的 lock.acquire()，lock.release() 对应 lock.release()。
// - 读和写之间停的 0.2 ms 里，另一个进程在等这把锁，而不是读到同一个值。
// - javaCommand：在新 JVM 里再次运行本程序的命令（从源文件运行时用源文件，编译过则用类名）。
public class SharedValueArrayLock {
    static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    static final VarHandle DOUBLE = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.nativeOrder());
    static final int VALUE = 0, ARRAY = 8, READY = 32;   // byte offsets in the shared file

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            child(args[0], Path.of(args[1]));
            return;
        }
        Path file = Files.createTempFile("shared", ".mem");
        Path locks = Path.of(file + ".lock");
        Files.createFile(locks);
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
            Files.delete(locks);
        }
    }

    static void child(String what, Path file) throws Exception {
        MappedByteBuffer memory = map(file);
        FileChannel lockFile = FileChannel.open(Path.of(file + ".lock"), StandardOpenOption.WRITE);
        INT.getAndAdd(memory, READY, 1);                  // start together: wait for all four
        while ((int) INT.getVolatile(memory, READY) < 4) {
            Thread.sleep(1);
        }
        for (int n = 0; n < 100; n++) {
            if (what.equals("value")) {
                FileLock lock = lockFile.lock(0, 1, false);          // Python: lock.acquire()
                int v = (int) INT.getVolatile(memory, VALUE);
                LockSupport.parkNanos(200_000);                      // the other process waits for the lock
                INT.setVolatile(memory, VALUE, v + 1);
                lock.release();                                      // Python: lock.release()
            } else {
                for (int i = 0; i < 3; i++) {
                    FileLock lock = lockFile.lock(1, 1, false);
                    double d = (double) DOUBLE.getVolatile(memory, ARRAY + 8 * i);
                    LockSupport.parkNanos(200_000);
                    DOUBLE.setVolatile(memory, ARRAY + 8 * i, d + 1);
                    lock.release();
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
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SharedValueArrayLock.class.getName()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }
}
