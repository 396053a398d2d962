package org.lesionsearch.query;

import java.util.List;

/**
 * A label the query asks for.
 *
 * @param term the ontology term the words resolved to ("liver" for "hepatic")
 * @param written the words as the user wrote them
 * @param modelLabels the labels a lesion may carry to match: the term and its descendants
 *     among the labeler's 171 labels ("lung" matches "left lower lobe"), sorted
 */
public record QueryLabel(String term, String written, List<String> modelLabels) {

    public QueryLabel {
        modelLabels = modelLabels.stream().sorted().distinct().toList();
    }
}
