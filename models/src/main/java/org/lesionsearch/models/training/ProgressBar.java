package org.lesionsearch.models.training;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with rate and time left, redrawn in place on a terminal stream. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final int startDone;
    private long lastDraw;

    public ProgressBar(PrintStream out, String label, int startDone, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.startDone = startDone;
    }

    /** Redraws at most five times a second, and always at the end. */
    public void update(int done, String status) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? (done - startDone) / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        out.printf(Locale.ROOT, "\r%s [%s] %d/%d %.1f/s ETA %s %s", label, bar, done, total, rate,
                eta < 0 ? "?" : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60), status);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
