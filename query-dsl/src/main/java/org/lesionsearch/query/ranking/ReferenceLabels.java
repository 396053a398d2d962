package org.lesionsearch.query.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.query.QueryLabel;

/**
 * The labels a hit is compared with: the query's labels and, for {@code similar:}, the example
 * lesion's labels. Each reference label is satisfied by any of its model labels.
 */
final class ReferenceLabels {

    private final List<String> names = new ArrayList<>();
    private final List<int[]> indices = new ArrayList<>();
    private final List<List<String>> modelLabels = new ArrayList<>();

    private ReferenceLabels() {
    }

    static ReferenceLabels of(List<QueryLabel> queryLabels, Lesion example, LabelVocabulary vocabulary) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (QueryLabel q : queryLabels) {
            byName.putIfAbsent(q.term(), q.modelLabels());
        }
        if (example != null) {
            for (String l : union(example.labels(), example.reportLabels())) {
                byName.putIfAbsent(l, List.of(l));
            }
        }
        ReferenceLabels refs = new ReferenceLabels();
        byName.forEach((name, labels) -> {
            refs.names.add(name);
            refs.modelLabels.add(labels);
            refs.indices.add(labels.stream().flatMap(l -> vocabulary.indexOf(l).stream()).mapToInt(Integer::intValue)
                    .toArray());
        });
        return refs;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** Mean probability of the reference labels for this lesion, with the evidence per label. */
    Agreement agreement(Lesion lesion) {
        if (isEmpty()) {
            return new Agreement(Double.NaN, List.of(), List.of());
        }
        float[] scores = lesion.labelScores();
        List<LabelEvidence> shared = new ArrayList<>(), missing = new ArrayList<>();
        double sum = 0;
        for (int r = 0; r < names.size(); r++) {
            boolean carries = false;
            double p = 0;
            for (String m : modelLabels.get(r)) {
                if (lesion.reportLabels().contains(m)) {
                    carries = true;
                    p = 1;
                } else if (lesion.labels().contains(m)) {
                    carries = true;
                }
            }
            if (scores != null) {
                for (int i : indices.get(r)) {
                    p = Math.max(p, scores[i]);
                }
            } else if (carries) {
                p = 1;
            }
            sum += p;
            (carries ? shared : missing).add(new LabelEvidence(names.get(r), p));
        }
        return new Agreement(sum / names.size(), shared, missing);
    }

    record Agreement(double score, List<LabelEvidence> shared, List<LabelEvidence> missing) {
    }
}
