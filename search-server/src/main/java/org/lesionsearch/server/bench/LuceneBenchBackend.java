package org.lesionsearch.server.bench;

import java.nio.file.Path;
import java.util.List;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;

/**
 * The embedded Lucene index, searched two ways: through its planner, and through Lucene's own
 * filtered kNN query without planner, oversampling or rescoring (the baseline).
 *
 * <p>One thread writes, into a buffer large enough for the whole workload: the HNSW graph is then
 * built once, on float vectors, into a single segment. More writer threads make more segments,
 * and merging them rebuilds the graph on int8 scores, which costs more CPU in all and gives a
 * graph of lower recall at the same number of candidates.
 */
public final class LuceneBenchBackend implements BenchBackend {

    private final LuceneIndexOptions options;
    private final boolean merge;

    /** @param merge whether to merge the index into one segment after import */
    public LuceneBenchBackend(LuceneIndexOptions options, boolean merge) {
        this.options = options;
        this.merge = merge;
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public int importThreads(int cpus) {
        return 1;
    }

    @Override
    public String setup() {
        return String.format(java.util.Locale.ROOT,
                "lucene: int8 HNSW M=%d beam %d, 1 writer thread, %.0f MB buffer%s; planner: exact below %,d matches,"
                        + " %d+ candidates (x%.1f) rescored on floats",
                options.maxConn(), options.beamWidth(), options.ramBufferMb(), merge ? ", merged to one segment" : "",
                options.exactThreshold(), options.minCandidates(), options.oversampling());
    }

    @Override
    public LesionIndex open(Path dir) {
        return LuceneLesionIndex.open(dir, options);
    }

    @Override
    public void prepareForSearch(LesionIndex index) {
        if (merge) {
            ((LuceneLesionIndex) index).forceMerge(1);
        }
    }

    @Override
    public List<SearchEngine> engines(LesionIndex index) {
        LuceneLesionIndex lucene = (LuceneLesionIndex) index;
        return List.of(new SearchEngine("lucene", lucene::search),
                new SearchEngine("plain-hnsw", r -> lucene.searchWithoutPlanner(r.vector(), r.filter(), r.k())));
    }
}
