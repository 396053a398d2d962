package org.lesionsearch.core.index;

import java.util.Map;
import org.lesionsearch.core.ontology.LabelClass;

/** Label counts per class (body part, type, attribute), each map ordered by count then label. */
public record LabelFacets(Map<LabelClass, Map<String, Long>> counts) {

    public LabelFacets {
        counts = Map.copyOf(counts);
    }

    public long count(String label) {
        return counts.values().stream().mapToLong(m -> m.getOrDefault(label, 0L)).sum();
    }
}
