package org.lesionsearch.indexer.synth.annotation;

import java.util.List;
import java.util.Set;

/**
 * The bookmarked sentence of one measured lesion, with what a label miner should and should not
 * find in it.
 *
 * @param labels the lesion's labels as the sentence states them (finest terms, parents not added)
 * @param distractors labels the sentence mentions that are not the lesion's: negated, uncertain or
 *     neighbouring findings
 */
public record ReportSentence(String text, Set<String> labels, List<Distractor> distractors) {

    public ReportSentence {
        labels = Set.copyOf(labels);
        distractors = List.copyOf(distractors);
    }

    /** Why a mentioned label is not one of the lesion's. */
    public enum Relation {
        NEGATED, UNCERTAIN, NEIGHBOURING
    }

    public record Distractor(String label, Relation relation, String words) {
    }
}
