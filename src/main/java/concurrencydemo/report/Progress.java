package concurrencydemo.report;

import java.io.PrintWriter;

/**
 * A progress bar on stderr while trials run, redrawn at most ten times a second; silent when
 * stderr is not a terminal. Thread-safe.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 100_000_000;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean visible;
    private String label = "";
    private int total;
    private int done;
    private long lastDraw;

    public Progress(PrintWriter err, boolean visible) {
        this.err = err;
        this.visible = visible;
    }

    /** A bar for the terminal when there is one, else none. */
    public static Progress forTerminal(PrintWriter err) {
        return new Progress(err, Style.stderrIsTerminal());
    }

    public synchronized void start(String label, int total) {
        this.label = label;
        this.total = total;
        this.done = 0;
        this.lastDraw = 0;
    }

    /** How many steps were made since {@link #start}: the trials done, for the per-trial watchdog. */
    public synchronized int done() {
        return done;
    }

    public synchronized void step() {
        done++;
        long now = System.nanoTime();
        if (visible && (now - lastDraw > REDRAW_NANOS || done == total)) {
            lastDraw = now;
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            err.print("\r  " + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                    + done + "/" + total);
            err.flush();
        }
    }

    public synchronized void finish() {
        if (visible) {
            err.print("\r" + " ".repeat(WIDTH + Width.of(label) + 24) + "\r");
            err.flush();
        }
    }
}
