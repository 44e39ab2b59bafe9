// Seed: 创建并开始线程 (creating and starting threads). Lesson: ./demo threads
// Run: java examples/ThreadStartJoin.java
import java.util.ArrayList;
import java.util.List;

// 中文说明（原文“创建并开始线程”。详见 ./demo threads --lang zh-CN）
// 运行：java examples/ThreadStartJoin.java（打印 all 10 threads finished 和 end main）
// 代码里的注释依次是：创建线程，每个线程运行 squareNumbers；把它们全部启动；等每一个线程结束——main 在 join()
// 这里阻塞，直到它们都做完。
public class ThreadStartJoin {
    static void squareNumbers() {
        for (int i = 0; i < 1000; i++) {
            int result = i * i;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        int numThreads = 10;

        // create the threads, each running squareNumbers
        for (int i = 0; i < numThreads; i++) {
            threads.add(new Thread(ThreadStartJoin::squareNumbers));
        }
        // start them all
        for (Thread t : threads) {
            t.start();
        }
        // wait for every thread: main blocks here until they are finished
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("all " + numThreads + " threads finished");
        System.out.println("end main");
    }
}
