package org.lesionsearch.server.bench.load;

import java.util.List;

/**
 * What a load run measured.
 *
 * @param lesions lesions in the index when the run started
 * @param clients concurrent search clients
 * @param cpus processors the JVM sees (server, clients and ingestion share them)
 * @param phases the baseline (searches alone) and the searches while ingesting
 */
public record LoadFigures(long lesions, int clients, int cpus, List<Phase> phases) {

    /**
     * One timed phase.
     *
     * @param name {@code searches only} or {@code searches + ingestion}
     * @param seconds timed wall-clock seconds
     * @param searches search requests answered in the phase
     * @param searchesPerSecond sustained throughput
     * @param p50Ms median latency
     * @param p90Ms 90th percentile latency
     * @param p99Ms 99th percentile latency
     * @param maxMs slowest request
     * @param serverErrors answers with a 5xx status
     * @param clientErrors answers with a 4xx status (429 included)
     * @param failed requests that got no answer (I/O errors, time-outs)
     * @param ingested lesions written (and committed) through {@code POST /api/lesions} during the phase
     * @param ingestPerSecond lesions per second written
     * @param ingestErrors write requests that did not answer 200
     */
    public record Phase(String name, double seconds, long searches, double searchesPerSecond, double p50Ms, double p90Ms,
            double p99Ms, double maxMs, long serverErrors, long clientErrors, long failed, long ingested,
            double ingestPerSecond, long ingestErrors) {
    }
}
