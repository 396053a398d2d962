package org.lesionsearch.elasticsearch;

import java.time.Duration;

/**
 * How upserts reach Elasticsearch.
 *
 * @param maxRequestBytes a batch is split into bulk requests of at most about this many bytes
 * @param maxConcurrentRequests bulk requests in flight at once from this process; further
 *     writers wait (back-pressure) instead of piling work on the cluster
 * @param maxRetries how often a bulk request, or the documents the cluster rejected as
 *     overloaded (HTTP 429), are sent again before the upsert fails
 * @param initialBackoff wait before the first retry, doubled for each further one
 */
public record BulkOptions(int maxRequestBytes, int maxConcurrentRequests, int maxRetries, Duration initialBackoff) {

    public BulkOptions {
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024, was " + maxRequestBytes);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be zero or positive");
        }
    }

    public static BulkOptions defaults() {
        return new BulkOptions(8 << 20, 4, 6, Duration.ofMillis(100));
    }
}
