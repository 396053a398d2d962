package org.lesionsearch.core.index;

/** How a backend answered a search, reported with the result for explanation and benchmarks. */
public enum SearchPlan {
    /** Hits chosen by the filter and the sort order alone (no query vector, or an order other than relevance). */
    FILTER_ONLY,
    /**
     * Every lesion matching the filter scored, without the graph (a large set first on its
     * quantised vectors), the best scored exactly.
     */
    EXACT,
    /** Approximate nearest neighbours with oversampling, then exact rescoring. */
    HNSW
}
