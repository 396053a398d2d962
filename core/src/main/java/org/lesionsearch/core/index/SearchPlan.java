package org.lesionsearch.core.index;

/** How a backend answered a search, reported with the result for explanation and benchmarks. */
public enum SearchPlan {
    /** No query vector: filter only. */
    FILTER_ONLY,
    /** Every lesion matching the filter scored exactly. */
    EXACT,
    /** Approximate nearest neighbours with oversampling, then exact rescoring. */
    HNSW
}
