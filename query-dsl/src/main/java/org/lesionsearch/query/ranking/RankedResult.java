package org.lesionsearch.query.ranking;

import java.util.List;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.SearchPlan;

/**
 * One page of ranked hits.
 *
 * @param hits the page
 * @param totalMatches lesions that match the filter
 * @param plan how the index answered
 * @param facets label counts over all filter matches, or {@code null} when not asked for
 * @param offset hits skipped before this page
 * @param candidates hits the ranking was computed over (the page is cut from them)
 */
public record RankedResult(List<RankedHit> hits, long totalMatches, SearchPlan plan, LabelFacets facets, int offset,
        int candidates) {

    public RankedResult {
        hits = List.copyOf(hits);
    }
}
