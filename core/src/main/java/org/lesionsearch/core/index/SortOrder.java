package org.lesionsearch.core.index;

/**
 * Result order. Ties are always broken by lesion id so that pages are stable. An order other than
 * {@link #RELEVANCE} sorts every lesion that matches the filter, with or without a query vector;
 * a query vector then only gives each hit its similarity.
 */
public enum SortOrder {
    /** By similarity to the query vector; without a vector, by lesion id. */
    RELEVANCE,
    SIZE_DESC,
    SIZE_ASC,
    DATE_DESC,
    DATE_ASC
}
