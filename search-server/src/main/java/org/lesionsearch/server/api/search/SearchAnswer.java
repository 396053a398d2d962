package org.lesionsearch.server.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.SearchPlan;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.server.api.lesions.Include;

/**
 * A page of search results.
 *
 * @param total lesions matching the filter, before paging
 * @param k page size asked for
 * @param offset hits skipped
 * @param plan how the index answered: {@code FILTER_ONLY}, {@code EXACT} or {@code HNSW}
 * @param tookMs time spent in the index, in milliseconds
 * @param hits the page, best first
 * @param facets label counts per class ({@code bodypart}, {@code type}, {@code attribute}) when asked for
 */
public record SearchAnswer(long total, int k, int offset, SearchPlan plan, double tookMs, List<Hit> hits,
        Map<String, Map<String, Long>> facets) {

    /** One hit; {@code similarity} (cosine) is absent for searches without a query vector. */
    public record Hit(Double similarity, Lesion lesion) {
    }

    public static SearchAnswer of(SearchResult result, int k, int offset, long tookNanos, Set<Include> include) {
        List<Hit> hits = result.hits().stream()
                .map(h -> new Hit(Double.isNaN(h.similarity()) ? null : h.similarity(), Include.view(h.lesion(), include)))
                .toList();
        return new SearchAnswer(result.totalMatches(), k, offset, result.plan(), Math.round(tookNanos / 1e3) / 1e3, hits,
                facets(result.facets()));
    }

    private static Map<String, Map<String, Long>> facets(LabelFacets facets) {
        if (facets == null) {
            return null;
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (LabelClass c : LabelClass.values()) {
            out.put(c.csvName(), facets.counts().getOrDefault(c, Map.of()));
        }
        return out;
    }
}
