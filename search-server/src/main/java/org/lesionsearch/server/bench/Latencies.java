package org.lesionsearch.server.bench;

import java.util.Arrays;

/** Per-query wall times of one filter class, in nanoseconds, summarised as percentiles. */
public final class Latencies {

    private final long[] nanos;
    private int size;

    public Latencies(int capacity) {
        nanos = new long[capacity];
    }

    public void add(long elapsedNanos) {
        nanos[size++] = elapsedNanos;
    }

    /** The {@code p}-th percentile (nearest rank) in milliseconds. */
    public double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
