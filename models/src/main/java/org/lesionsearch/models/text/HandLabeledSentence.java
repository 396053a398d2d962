package org.lesionsearch.models.text;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A report sentence with the labels radiologists assigned to its lesion.
 *
 * @param text          the sentence
 * @param lesionIndex   the lesion's index in the source data set, -1 when not given
 * @param expandedTerms the relevant labels with all their parents
 */
public record HandLabeledSentence(String text, int lesionIndex, Set<String> expandedTerms) {

    public HandLabeledSentence {
        expandedTerms = Collections.unmodifiableSet(new LinkedHashSet<>(expandedTerms));
    }
}
