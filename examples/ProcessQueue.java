// Seed: 多进程使用队列通信 (processes communicating through a queue). Lesson: ./demo queues
// Run: java examples/ProcessQueue.java      (all ten numbers, each producer's in its order; interleaved only when
//      both JVMs are up at once: a JVM takes longer to start than a producer takes to send its five)
// The queue: the parent listens on a Unix-domain socket; each producer process connects and
// writes its items; the parent's reader threads put them into one BlockingQueue as they arrive.
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

// 中文说明（原文“多进程使用队列通信”。详见 ./demo queues --lang zh-CN）
// 运行：java examples/ProcessQueue.java（十个数全部打印出来，每个生产者的数保持自己的顺序；只有两个 JVM
// 同时在运行时才会交错，而启动一个 JVM 所花的时间，比一个生产者发完它的五个数还长）
// 队列的做法：父进程在一个 Unix 域套接字上监听；每个生产者进程连上来，写入自己的数据；父进程的读取线程把
// 收到的数据依次放进同一个 BlockingQueue。
// 代码里的注释：
// - p1.waitFor() 对应 Python 的 p1.join()；r.join() 之后，发出的每一项都已收到。
// - while (!q.isEmpty()) 对应 Python 的 while not q.empty(): print(q.get())。
// - q.put(in.readInt())：按这个生产者发送的顺序放入。
// - 读到 EOFException：生产者关闭了它那一端，相当于 Python 的 q.close()。
// - out.writeInt(…) 对应 Python 的 queue.put(...)。
// - javaCommand：在新 JVM 里再次运行本程序的命令（从源文件运行时用源文件，编译过则用类名）。
public class ProcessQueue {
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            producer(args[0], Path.of(args[1]));
            return;
        }
        Path dir = Files.createTempDirectory("queue");
        Path socket = dir.resolve("q.sock");
        LinkedBlockingQueue<Integer> q = new LinkedBlockingQueue<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Process p1 = new ProcessBuilder(javaCommand("square", socket.toString())).inheritIO().start();
            Process p2 = new ProcessBuilder(javaCommand("negative", socket.toString())).inheritIO().start();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SocketChannel producer = server.accept();
                Thread reader = new Thread(() -> receive(producer, q));
                reader.start();
                readers.add(reader);
            }
            p1.waitFor();                      // Python: p1.join()
            p2.waitFor();
            for (Thread r : readers) {
                r.join();                      // every item sent has been received
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.delete(dir);
        }
        while (!q.isEmpty()) {                 // Python: while not q.empty(): print(q.get())
            System.out.println(q.take());
        }
        System.out.println("end main");
    }

    static void receive(SocketChannel producer, LinkedBlockingQueue<Integer> q) {
        try (producer; DataInputStream in = new DataInputStream(Channels.newInputStream(producer))) {
            while (true) {
                q.put(in.readInt());           // in the order this producer sent them
            }
        } catch (EOFException done) {
            // the producer closed its end: Python's q.close()
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void producer(String kind, Path socket) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch))) {
            for (int i = 1; i <= 5; i++) {
                Thread.sleep(10);
                out.writeInt(kind.equals("square") ? i * i : -i);   // Python: queue.put(...)
                out.flush();
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
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProcessQueue.class.getName()));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }
}
