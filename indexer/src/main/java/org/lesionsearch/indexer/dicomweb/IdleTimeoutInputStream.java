package org.lesionsearch.indexer.dicomweb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that stays silent longer than the idle time-out, so a server that
 * sends headers and then stalls cannot hang a crawl: the blocked read fails with
 * {@link HttpTimeoutException}. {@code HttpClient} has no read time-out of its own.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private final long idleNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream in, Duration idleTimeout, ScheduledExecutorService watchdog) {
        super(in);
        this.idleNanos = idleTimeout.toNanos();
        long period = Math.max(10, idleTimeout.toMillis() / 4);
        this.check = watchdog.scheduleAtFixedRate(this::closeWhenIdle, period, period, TimeUnit.MILLISECONDS);
    }

    private void closeWhenIdle() {
        if (System.nanoTime() - lastProgress > idleNanos) {
            timedOut = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // the reader sees the time-out either way
            }
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b < 0 && timedOut) {
                throw timeout();
            }
            lastProgress = System.nanoTime();
            return b;
        } catch (IOException e) {
            throw timedOut ? timeout() : e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (timedOut) {
            throw timeout();
        }
        try {
            int n = super.read(b, off, len);
            if (n < 0 && timedOut) {
                throw timeout();
            }
            lastProgress = System.nanoTime();
            return n;
        } catch (IOException e) {
            throw timedOut ? timeout() : e;
        }
    }

    private HttpTimeoutException timeout() {
        return new HttpTimeoutException("no data for " + Duration.ofNanos(idleNanos).toMillis() + " ms while reading the response");
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
