package org.lesionsearch.indexer.pipeline;

import java.time.Duration;

/**
 * Where an ingest stands: of {@code total} lesions to process this run, {@code done} went
 * through the model or were rejected, and {@code indexed} are written and committed.
 */
public record IngestProgress(long total, long done, long indexed, long rejected, Duration elapsed) {

    public double lesionsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : done / s;
    }

    /** Remaining time at the rate so far, or {@code null} before the rate is known. */
    public Duration eta() {
        double rate = lesionsPerSecond();
        return done == 0 || rate <= 0 ? null : Duration.ofMillis(Math.round((total - done) / rate * 1000));
    }
}
