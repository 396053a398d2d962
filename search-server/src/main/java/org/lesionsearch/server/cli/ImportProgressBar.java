package org.lesionsearch.server.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.lesionsearch.server.importing.ImportListener;

/**
 * Import progress on stderr: a bar against the file size when it is known, the count, the rate
 * and the rejections so far. On a terminal it redraws one line; otherwise it prints a line every
 * few seconds so logs stay readable.
 */
final class ImportProgressBar implements ImportListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long totalBytes;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /** @param totalBytes input size, or -1 when unknown (standard input) */
    ImportProgressBar(PrintWriter err, long totalBytes, boolean terminal) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.terminal = terminal;
    }

    @Override
    public void progress(long records, long imported, long rejected, long bytesRead) {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (drawn && now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        StringBuilder line = new StringBuilder();
        if (totalBytes > 0) {
            double fraction = Math.min(1, (double) bytesRead / totalBytes);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%%  ", fraction * 100));
        }
        line.append(String.format(Locale.ROOT, "%,d imported  %,.0f lesions/s  %,d rejected", imported,
                imported / seconds, rejected));
        if (terminal) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the progress line so that what follows starts on a fresh one. */
    void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
    }
}
