package org.lesionsearch.server.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchLesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchOptions;
import org.lesionsearch.elasticsearch.ServerMemory;

/**
 * Lesions on an Elasticsearch cluster, searched two ways: through the backend's own search (the
 * same search requests as the Lucene backend: oversampled kNN rescored on floats, exact count),
 * and through Elasticsearch's plain top-level kNN search with its default candidates (the
 * baseline). Memory figures are those of the Elasticsearch nodes, not of the benchmark process.
 */
public final class ElasticsearchBenchBackend implements BenchBackend {

    private final ElasticsearchOptions options;
    private final boolean merge;
    private final boolean keep;

    /**
     * @param merge whether to merge the index into one segment after import
     * @param keep whether the index outlives the run (and a later run with as many lesions reuses it)
     */
    public ElasticsearchBenchBackend(ElasticsearchOptions options, boolean merge, boolean keep) {
        this.options = options;
        this.merge = merge;
        this.keep = keep;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    /** The directory is not used: the lesions go to the cluster, behind the alias of the options. */
    @Override
    public LesionIndex open(Path dir) {
        if (!keep) {
            // a fresh index for this run: what an earlier run of the same name left is dropped
            ElasticsearchLesionIndex.open(options).deleteAllGenerations();
        }
        return ElasticsearchLesionIndex.open(options);
    }

    @Override
    public int importThreads(int cpus) {
        return Math.max(2, Math.min(cpus, options.bulk().maxConcurrentRequests()));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT,
                "elasticsearch: %s, index '%s', %d shard(s), int8_hnsw m=%d ef_construction=%d%s; kNN asks %d+ candidates"
                        + " (x%.1f) rescored on floats; es-plain-knn: top-level knn, default candidates, no rescoring",
                options.url(), options.name(), options.shards(), options.maxConn(), options.beamWidth(),
                merge ? ", merged to one segment" : "", options.minCandidates(), options.oversampling());
    }

    @Override
    public void prepareForSearch(LesionIndex index) {
        if (merge) {
            ((ElasticsearchLesionIndex) index).forceMerge(1);
        }
    }

    @Override
    public List<SearchEngine> engines(LesionIndex index) {
        ElasticsearchLesionIndex es = (ElasticsearchLesionIndex) index;
        return List.of(new SearchEngine("elasticsearch", es::search),
                new SearchEngine("es-plain-knn", r -> es.searchWithoutPlanner(r.vector(), filterOf(r.filter()), r.k())));
    }

    @Override
    public ProcessMemory memory(LesionIndex index) {
        ServerMemory memory = ((ElasticsearchLesionIndex) index).serverMemory();
        return new ProcessMemory(memory.residentBytes(), memory.heapUsedBytes());
    }

    @Override
    public void discard(LesionIndex index) {
        if (!keep) {
            ((ElasticsearchLesionIndex) index).deleteAllGenerations();
        }
    }

    private static Filter filterOf(Filter filter) {
        return filter == null ? Filter.all() : filter;
    }
}
