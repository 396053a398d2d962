package org.lesionsearch.server.bench.load;

import java.util.Arrays;

/** One client's request latencies in nanoseconds; several are merged for nearest-rank percentiles. Not thread-safe. */
final class LatencyLog {

    private long[] nanos = new long[4096];
    private int size;

    void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    int size() {
        return size;
    }

    /** All latencies of the logs, sorted. */
    static long[] sorted(Iterable<LatencyLog> logs) {
        int total = 0;
        for (LatencyLog l : logs) {
            total += l.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyLog l : logs) {
            System.arraycopy(l.nanos, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** The {@code p}-th percentile (nearest rank) of sorted nanoseconds, in milliseconds. */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
