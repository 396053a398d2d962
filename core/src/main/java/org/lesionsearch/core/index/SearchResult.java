package org.lesionsearch.core.index;

import java.util.List;

/**
 * @param hits the requested page
 * @param totalMatches lesions that match the filter (before paging; for vector searches an
 *     exact count of the filter, not of a similarity cut-off)
 * @param plan how the backend answered
 * @param facets label counts over all filter matches when requested, else {@code null}
 */
public record SearchResult(List<SearchHit> hits, long totalMatches, SearchPlan plan, LabelFacets facets) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
