package org.lesionsearch.server.api.search;

import java.util.List;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.server.api.lesions.Include;

/**
 * The body of {@code POST /api/search}. With neither {@code vector} nor {@code example} the
 * search filters only.
 *
 * @param vector an L2-normalised query embedding of 1024 floats
 * @param example the id of a stored lesion whose embedding is the query (it is left out of the hits)
 * @param filter which lesions may be returned
 * @param k page size (default 10)
 * @param offset hits to skip (default 0)
 * @param sort {@code relevance} (default), {@code size_desc}, {@code size_asc}, {@code date_desc}, {@code date_asc}
 * @param facets whether to count labels over every lesion matching the filter
 * @param include bulky lesion parts to return: {@code embedding}, {@code labelScores}
 */
public record SearchBody(float[] vector, String example, FilterBody filter, Integer k, Integer offset, SortOrder sort,
        Boolean facets, List<Include> include) {
}
