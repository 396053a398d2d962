package org.lesionsearch.core.index;

import java.util.Objects;
import org.lesionsearch.core.lesion.LesionId;

/**
 * A backend-neutral search: an optional query vector or example lesion, a filter, and a page.
 * With an example lesion, its stored embedding is the query vector and the lesion itself is
 * left out of the results.
 *
 * @param vector L2-normalised query vector, or {@code null}
 * @param example lesion whose embedding to use, or {@code null}
 * @param filter which lesions may be returned
 * @param k page size
 * @param offset hits to skip (pagination)
 * @param sort result order
 * @param facets whether to count labels over all lesions that match the filter
 */
public record SearchRequest(float[] vector, LesionId example, Filter filter, int k, int offset, SortOrder sort,
        boolean facets) {

    public static final int DEFAULT_K = 10;

    public SearchRequest {
        filter = filter == null ? Filter.all() : filter;
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        vector = vector == null ? null : vector.clone();
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (vector != null && example != null) {
            throw new IllegalArgumentException("give a query vector or an example lesion, not both");
        }
    }

    public static SearchRequest byVector(float[] vector, Filter filter, int k) {
        return new SearchRequest(vector, null, filter, k, 0, SortOrder.RELEVANCE, false);
    }

    public static SearchRequest byExample(LesionId example, Filter filter, int k) {
        return new SearchRequest(null, example, filter, k, 0, SortOrder.RELEVANCE, false);
    }

    public static SearchRequest byFilter(Filter filter, int k) {
        return new SearchRequest(null, null, filter, k, 0, SortOrder.RELEVANCE, false);
    }

    public SearchRequest withPage(int k, int offset) {
        return new SearchRequest(vector, example, filter, k, offset, sort, facets);
    }

    public SearchRequest withFacets(boolean facets) {
        return new SearchRequest(vector, example, filter, k, offset, sort, facets);
    }

    public SearchRequest withSort(SortOrder sort) {
        return new SearchRequest(vector, example, filter, k, offset, sort, facets);
    }

    @Override
    public float[] vector() {
        return vector == null ? null : vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchRequest r && java.util.Arrays.equals(vector, r.vector)
                && Objects.equals(example, r.example) && filter.equals(r.filter) && k == r.k && offset == r.offset
                && sort == r.sort && facets == r.facets;
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(vector), example, filter, k, offset, sort, facets);
    }
}
