package org.lesionsearch.core.index;

/** Result order. Ties are always broken by lesion id so that pages are stable. */
public enum SortOrder {
    /** By similarity to the query vector; without a vector, by lesion id. */
    RELEVANCE,
    SIZE_DESC,
    SIZE_ASC,
    DATE_DESC,
    DATE_ASC
}
