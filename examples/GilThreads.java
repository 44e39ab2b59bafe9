// Seed: the opening paragraph (多线程和多进程: the GIL). Lesson: ./demo gil
// Run: java examples/GilThreads.java [number of threads, default: one per CPU]
// Java has no GIL: one CPU-bound job, split into parts, runs on as many CPUs as there are threads
// (up to the CPUs the machine has).
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

// 中文说明（原文开篇一段：多线程和多进程，讲 GIL。详见 ./demo gil --lang zh-CN）
// 运行：java examples/GilThreads.java [线程数，默认每个 CPU 一个]
// Java 没有 GIL：同一个 CPU 密集型任务切成几份，交给几个线程，就能同时用上几个 CPU（最多用满这台机器的 CPU）。
// 代码里的注释：
// - countPrimes：用试除法数出 limit 以内的素数；n 份中的第 k 份负责第 k、k + n、k + 2n……块。
// - 计时前先把 countPrimes 跑几遍：让 JIT 先把它编译好，计的才是编译后的速度。
// - t.join() 之后，那个线程数出的个数在 main 里一定可见（join 建立先行发生关系）。
// - Locale.ROOT：不管用户的 locale 是什么，都打印“1.9x”（德语 locale 会写成“1,9x”）。
public class GilThreads {
    static final int LIMIT = 4_000_000;
    static final int BLOCK = 1000;

    // count the primes below limit by trial division; part k of n takes blocks k, k + n, k + 2n…
    static int countPrimes(int part, int parts, int limit) {
        int found = 0;
        for (int block = part * BLOCK; block < limit; block += parts * BLOCK) {
            for (int n = block; n < Math.min(block + BLOCK, limit); n++) {
                boolean prime = n >= 2;
                for (int d = 2; prime && d * d <= n; d++) {
                    prime = n % d != 0;
                }
                if (prime) {
                    found++;
                }
            }
        }
        return found;
    }

    public static void main(String[] args) throws InterruptedException {
        int numThreads = args.length > 0 ? Math.max(1, Integer.parseInt(args[0]))
                : Runtime.getRuntime().availableProcessors();

        for (int i = 0; i < 3; i++) {
            countPrimes(0, 1, LIMIT / 10); // compiled before it is timed
        }
        long start = System.nanoTime();
        int one = countPrimes(0, 1, LIMIT);
        long oneMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("1 thread: " + oneMillis + " ms, " + one + " primes");

        int[] counts = new int[numThreads];
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < numThreads; k++) {
            int part = k;
            threads.add(new Thread(() -> counts[part] = countPrimes(part, numThreads, LIMIT)));
        }
        start = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // after join(), the thread's count is visible here
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        // Locale.ROOT: "1.9x" whatever the user's locale (a German one would write "1,9x")
        System.out.printf(Locale.ROOT, "%d %s: %d ms, %d primes (%.1fx)%n", numThreads, numThreads == 1 ? "thread" : "threads", millis, total,
                (double) oneMillis / Math.max(1, millis));
    }
}
