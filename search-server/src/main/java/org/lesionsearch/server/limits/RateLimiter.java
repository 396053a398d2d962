package org.lesionsearch.server.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key (a token's name, or a client address): a bucket holds up to
 * {@value #BURST_SECONDS} seconds' worth of requests and refills at the key's rate. Thread-safe;
 * idle buckets are dropped once there are many, so that a stream of new keys cannot grow it without bound.
 */
public final class RateLimiter {

    static final double BURST_SECONDS = 2.0;
    static final int MAX_BUCKETS = 10_000;
    static final long IDLE_NANOS = 60_000_000_000L;

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        /** 0 when a request may go now (and takes its token), else the nanoseconds until one may. */
        synchronized long take(double perSecond, long now) {
            double capacity = Math.max(1.0, perSecond * BURST_SECONDS);
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            // the tolerance absorbs rounding, so that waiting exactly as long as told is always enough
            if (tokens >= 1.0 - 1e-6) {
                tokens = Math.max(0, tokens - 1.0);
                return 0;
            }
            return (long) Math.ceil((1.0 - tokens) / perSecond * 1e9);
        }

        synchronized boolean idleSince(long now) {
            return now - last > IDLE_NANOS;
        }
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @return 0 when the request may go, else how many nanoseconds until the next one may
     */
    public long acquire(String key, double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive, was " + perSecond);
        }
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.idleSince(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(Math.max(1.0, perSecond * BURST_SECONDS), now))
                .take(perSecond, now);
    }

    int buckets() {
        return buckets.size();
    }
}
