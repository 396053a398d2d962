package org.lesionsearch.models.text;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.ontology.ExclusiveConflict;

/**
 * The labels mined from the sentence that describes one lesion.
 *
 * @param sentence   the sentence as given
 * @param relevant   labels the sentence states of the lesion, with all their parents
 * @param uncertain  labels it hedges, with their parents, none of them relevant
 * @param irrelevant labels it mentions of something else, none of them relevant or uncertain
 * @param evidence   the words behind every label of the three sets
 * @param conflicts  pairs of relevant labels the ontology declares mutually exclusive
 */
public record MinedLabels(String sentence, Set<String> relevant, Set<String> uncertain, Set<String> irrelevant,
                          List<LabelEvidence> evidence, List<ExclusiveConflict> conflicts) {

    public MinedLabels {
        relevant = Collections.unmodifiableSet(new LinkedHashSet<>(relevant));
        uncertain = Collections.unmodifiableSet(new LinkedHashSet<>(uncertain));
        irrelevant = Collections.unmodifiableSet(new LinkedHashSet<>(irrelevant));
        evidence = List.copyOf(evidence);
        conflicts = List.copyOf(conflicts);
    }

    /** Relevant and uncertain labels together: everything the sentence may say of the lesion. */
    public Set<String> relevantOrUncertain() {
        Set<String> all = new LinkedHashSet<>(relevant);
        all.addAll(uncertain);
        return all;
    }

    /** The evidence for one label. */
    public List<LabelEvidence> evidenceFor(String label) {
        return evidence.stream().filter(e -> e.label().equals(label)).toList();
    }
}
