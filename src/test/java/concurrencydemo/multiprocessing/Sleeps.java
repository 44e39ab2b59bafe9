package concurrencydemo.multiprocessing;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests that make a program daemonize a {@code sleep} and then check it did not outlive what
 * started it: a sleep of a test's own length, found by that length, so that a check counts only
 * what its test started.
 */
public final class Sleeps {
    private Sleeps() {
    }

    /** A sleep length no other test uses: {@code <seconds>.<six random digits>}. */
    public static String token(int seconds) {
        return seconds + "." + (100000 + new Random().nextInt(900000));
    }

    /** The processes running {@code sleep <token>}. */
    public static List<ProcessHandle> of(String token) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(token)).orElse(false)).toList();
    }

    /** Fails unless every {@code sleep <token>} is gone within ten seconds; kills what is left either way. */
    public static void assertAllGone(String token, String what) throws InterruptedException {
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!of(token).isEmpty()) {
                assertThat(System.nanoTime()).withFailMessage("sleep %s outlived %s", token, what).isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            of(token).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
