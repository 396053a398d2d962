package org.lesionsearch.server.bench;

import java.util.List;

/** What one benchmark run measured: the workload, then per search engine its import and per filter class its search figures. */
public record BenchFigures(int lesions, long seed, int queries, int k, int cpus, List<String> setups,
        List<EngineFigures> engines) {

    /**
     * @param name engine name, e.g. {@code lucene} or {@code lucene-plain-hnsw}
     * @param importLesionsPerSecond upserts plus commit; {@code null} for an engine that searches
     *     another's index, or when an existing index was reused
     * @param importSeconds wall time of the import, or {@code null} as above
     * @param mergeSeconds wall time of merging after import, or {@code null} as above
     * @param indexBytes index size on disk
     * @param rssBytes resident memory of the process after searching
     * @param heapUsedBytes Java heap in use after a garbage collection
     */
    public record EngineFigures(String name, Double importLesionsPerSecond, Double importSeconds, Double mergeSeconds,
            long indexBytes, long rssBytes, long heapUsedBytes, List<ClassFigures> classes) {
    }

    /**
     * @param plan the plan the engine chose, with its share when it varied
     * @param recallAt10 mean recall of the top {@code k} against exact search
     * @param cpuP50Ms median CPU time of the searching thread: the cost of a query without the
     *     time spent waiting for a core, telling on a shared machine
     */
    public record ClassFigures(String filterClass, String description, double selectivity, String plan, double recallAt10,
            double p50Ms, double p99Ms, double cpuP50Ms) {
    }
}
