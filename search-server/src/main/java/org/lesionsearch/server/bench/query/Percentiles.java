package org.lesionsearch.server.bench.query;

import java.util.Arrays;

/** Nanosecond timings summarised as nearest-rank percentiles in milliseconds. */
final class Percentiles {

    private final long[] nanos;
    private int size;

    Percentiles(int capacity) {
        nanos = new long[capacity];
    }

    void add(long elapsedNanos) {
        nanos[size++] = elapsedNanos;
    }

    double ms(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
