package org.lesionsearch.query;

import java.util.List;
import java.util.Set;
import org.lesionsearch.core.index.SearchRequest;

/**
 * A query ready to run: the backend-neutral search request, and the labels the query asks for,
 * which hybrid ranking compares with each hit's predicted probabilities.
 *
 * @param parsed the query as written
 * @param request filter, example lesion, k, sort; page 0 and no facets unless the caller asks
 * @param labels labels every hit must carry (not those under OR or NOT), in query order
 * @param excludedLabels labels the query excludes with NOT, as ontology terms
 */
public record CompiledQuery(ParsedQuery parsed, SearchRequest request, List<QueryLabel> labels,
        Set<String> excludedLabels) {

    public CompiledQuery {
        labels = List.copyOf(labels);
        excludedLabels = Set.copyOf(excludedLabels);
    }
}
