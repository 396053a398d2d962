package org.lesionsearch.core.tracking.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/**
 * Lesions with known identity over time.
 *
 * @param name where the cohort came from, for reports
 * @param lesions every lesion, several patients and studies
 * @param instances lesion id to lesion-instance id: two lesions with the same instance are the
 *     same lesion seen in two studies
 * @param complete whether every lesion of every study is annotated, so that a lesion without a
 *     counterpart in a study is known to be absent there (new or gone); false for pair lists
 *     such as DLS, where only matched pairs are known
 * @param pairs the pairs known to be the same lesion, when the truth is a list of pairs whose
 *     transitive closure is less certain than the pairs themselves (DLS links consecutive studies;
 *     a chain through them may cross an annotation slip); empty when every two lesions of one
 *     instance are a known pair
 */
public record GroundTruthCohort(String name, List<Lesion> lesions, Map<LesionId, String> instances, boolean complete,
        Set<Pair> pairs) {

    /** Two lesions known to be the same lesion, in either order. */
    public record Pair(LesionId a, LesionId b) {
        public Pair {
            if (a.compareTo(b) > 0) {
                LesionId t = a;
                a = b;
                b = t;
            }
        }
    }

    public GroundTruthCohort {
        lesions = List.copyOf(lesions);
        instances = Map.copyOf(instances);
        pairs = Set.copyOf(pairs);
        for (Lesion l : lesions) {
            if (!instances.containsKey(l.id())) {
                throw new IllegalArgumentException(name + ": lesion " + l.id() + " has no instance id");
            }
        }
    }

    public String instanceOf(Lesion lesion) {
        return instances.get(lesion.id());
    }

    /** Whether the two lesions are known to be the same lesion. */
    public boolean same(Lesion a, Lesion b) {
        return pairs.isEmpty() ? instanceOf(a).equals(instanceOf(b)) : pairs.contains(new Pair(a.id(), b.id()));
    }
}
