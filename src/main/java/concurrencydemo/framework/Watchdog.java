package concurrencydemo.framework;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * Waits for something to finish under a time bound that counts only the time this JVM was
 * running: when the whole process group is stopped (Ctrl-Z) and continued later ({@code fg}),
 * the time spent stopped is not charged to the program being watched, so a program that finished
 * in its own time is never called stuck for the minutes its user had it suspended.
 *
 * <p>It waits in short slices. A slice that took far longer than asked means the JVM did not run
 * in between (stopped, or starved beyond any bound a lesson sets); such a slice counts as its
 * asked length only. With a progress counter (trials), each step the counter makes starts the
 * bound afresh: the bound is then per trial, not for all of them.
 */
public final class Watchdog {
    /** How long one wait lasts before the watchdog looks at the clock again. */
    static final long SLICE_NANOS = Duration.ofMillis(25).toNanos();
    /** A slice this much longer than asked: the JVM was not running (suspended). */
    static final long SUSPENDED_NANOS = Duration.ofMillis(500).toNanos();

    private Watchdog() {
    }

    /** Something to wait for. */
    @FunctionalInterface
    public interface Waitable {
        /** Waits at most {@code nanos} (0: just looks); returns whether it has finished. */
        boolean await(long nanos) throws InterruptedException;
    }

    /**
     * Waits until {@code target} finishes or has run {@code bound} of this JVM's running time
     * without finishing (since the last step of {@code progress}, if given).
     *
     * @param progress a counter of steps done (e.g. trials), or {@code null}
     * @return whether {@code target} finished
     */
    public static boolean await(Waitable target, Duration bound, IntSupplier progress) throws InterruptedException {
        long boundNanos = bound.toNanos();
        long active = 0;
        long last = System.nanoTime();
        int seen = progress == null ? 0 : progress.getAsInt();
        while (true) {
            long slice = Math.max(1, Math.min(SLICE_NANOS, boundNanos - active));
            if (target.await(slice)) {
                return true;
            }
            long now = System.nanoTime();
            long took = now - last;
            last = now;
            active += took > slice + SUSPENDED_NANOS ? slice : took;
            if (progress != null) {
                int steps = progress.getAsInt();
                if (steps != seen) {
                    seen = steps;
                    active = 0;
                }
            }
            if (active >= boundNanos) {
                return target.await(0); // one last look: it may have finished just now
            }
        }
    }

    /** Waits for {@code thread} to end, as {@link #await}. */
    public static boolean join(Thread thread, Duration bound) throws InterruptedException {
        return await(nanos -> {
            if (nanos > 0) {
                thread.join(Math.max(1, nanos / 1_000_000), 0);
            }
            return !thread.isAlive();
        }, bound, null);
    }
}
