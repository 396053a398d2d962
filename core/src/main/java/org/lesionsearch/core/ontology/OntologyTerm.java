package org.lesionsearch.core.ontology;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One term of the lesion ontology.
 *
 * @param id            the term's id in the source ontology
 * @param name          the canonical name (as spelled in {@code labels_171.csv} for model labels)
 * @param labelClass    body part, type or attribute
 * @param synonyms      the words and phrases that mean this term, the name first
 * @param timesDetected how often the term was mined from reports when the ontology was built
 * @param exclusive     names of terms that cannot be true together with this one
 * @param parents       names of direct parents (declared either way round in the source)
 * @param children      names of direct children (declared either way round in the source)
 * @param labelIndex    the output index of the labeler when this term is one of its 171 labels
 */
public record OntologyTerm(int id, String name, LabelClass labelClass, List<String> synonyms, int timesDetected,
                           List<String> exclusive, List<String> parents, List<String> children,
                           OptionalInt labelIndex) {

    public OntologyTerm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labelClass, "labelClass");
        Objects.requireNonNull(labelIndex, "labelIndex");
        synonyms = List.copyOf(synonyms);
        exclusive = List.copyOf(exclusive);
        parents = List.copyOf(parents);
        children = List.copyOf(children);
    }

    /** Whether the labeler predicts this term. */
    public boolean isModelLabel() {
        return labelIndex.isPresent();
    }

    @Override
    public String toString() {
        return name + " (" + labelClass.csvName() + ")";
    }
}
