package org.lesionsearch.server.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.lesionsearch.indexer.pipeline.IngestProgress;
import org.lesionsearch.indexer.pipeline.ProgressListener;

/**
 * Ingest progress on stderr: a bar, lesions done of the total, the rate, the time left and the
 * rejections. On a terminal it redraws one line; otherwise it prints a line every few seconds.
 */
final class IngestProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastDraw;
    private boolean drawn;

    IngestProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(IngestProgress p) {
        long now = System.nanoTime();
        boolean last = p.total() > 0 && p.done() >= p.total();
        if (drawn && !last && now - lastDraw < (terminal ? 200_000_000L : 5_000_000_000L)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print((terminal ? "\r" : "") + line(p) + (terminal ? "   " : System.lineSeparator()));
        err.flush();
    }

    static String line(IngestProgress p) {
        double fraction = p.total() == 0 ? 1 : Math.min(1, (double) p.done() / p.total());
        int filled = (int) Math.round(fraction * WIDTH);
        Duration eta = p.eta();
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %,d/%,d lesions  %,.1f lesions/s  ETA %s  %,d rejected",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, p.done(), p.total(),
                p.lesionsPerSecond(), eta == null ? "--:--" : clock(eta), p.rejected());
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** Ends the progress line so that what follows starts on a fresh one. */
    void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
    }
}
