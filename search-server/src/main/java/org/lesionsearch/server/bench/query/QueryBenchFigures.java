package org.lesionsearch.server.bench.query;

import java.util.List;

/**
 * What {@code lesion-search bench-query} measured.
 *
 * @param lesions lesions in the index
 * @param parsing parse and plan latency per typical query, with parsing alone as the baseline
 * @param searches end-to-end latency per query class over HTTP, with the same work in process
 *     (no HTTP) and a plain lesion fetch over HTTP as baselines
 */
public record QueryBenchFigures(long lesions, int timedQueries, List<ParseRow> parsing, List<SearchRow> searches) {

    /** Milliseconds for one typical query: parsing only, parsing plus planning (compiling). */
    public record ParseRow(String query, double parseP50Ms, double parseP99Ms, double planP50Ms, double planP99Ms) {
    }

    /** Milliseconds for one query class. {@code hits} and {@code total} are means per query. */
    public record SearchRow(String queryClass, String example, double inProcessP50Ms, double inProcessP99Ms,
            double httpP50Ms, double httpP99Ms, double meanHits, double meanTotal) {
    }
}
