package org.lesionsearch.models.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LesionGraph's two embedding tasks, scored on L2-normalised embeddings by cosine similarity.
 *
 * <ul>
 *   <li>Retrieval: for each lesion of known type, the {@code k} most similar lesions of other
 *       patients; precision@k is the share of them with the query's coarse type.</li>
 *   <li>Matching: for each lesion with a known instance, among the lesions of each other study of
 *       the same patient that contains its instance, is the most similar one that instance?</li>
 * </ul>
 */
public final class RetrievalEvaluation {

    /** One evaluated lesion. {@code type} and {@code instance} may be {@code null} when unknown. */
    public record Item(float[] embedding, String patient, String study, String type, String instance) {
    }

    /** A score and how many queries it averages. */
    public record Score(double value, int queries) {
    }

    private RetrievalEvaluation() {
    }

    public static Score precisionAtK(List<Item> items, int k) {
        double sum = 0;
        int queries = 0;
        for (int q = 0; q < items.size(); q++) {
            Item query = items.get(q);
            if (query.type() == null) {
                continue;
            }
            List<double[]> scored = new ArrayList<>(); // {similarity, index}
            for (int i = 0; i < items.size(); i++) {
                Item other = items.get(i);
                if (i != q && !other.patient().equals(query.patient()) && other.type() != null) {
                    scored.add(new double[] {dot(query.embedding(), other.embedding()), i});
                }
            }
            if (scored.size() < k) {
                continue;
            }
            scored.sort((a, b) -> Double.compare(b[0], a[0]));
            int same = 0;
            for (int r = 0; r < k; r++) {
                if (items.get((int) scored.get(r)[1]).type().equals(query.type())) {
                    same++;
                }
            }
            sum += (double) same / k;
            queries++;
        }
        return new Score(queries == 0 ? Double.NaN : sum / queries, queries);
    }

    public static Score matchingAccuracy(List<Item> items) {
        Map<String, List<Integer>> byStudy = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            byStudy.computeIfAbsent(item.patient() + "\u0000" + item.study(), s -> new ArrayList<>()).add(i);
        }
        int correct = 0;
        int queries = 0;
        for (int q = 0; q < items.size(); q++) {
            Item query = items.get(q);
            if (query.instance() == null) {
                continue;
            }
            for (Map.Entry<String, List<Integer>> study : byStudy.entrySet()) {
                List<Integer> members = study.getValue();
                Item first = items.get(members.getFirst());
                if (!first.patient().equals(query.patient()) || first.study().equals(query.study())) {
                    continue;
                }
                boolean hasInstance = members.stream().anyMatch(i -> query.instance().equals(items.get(i).instance()));
                if (!hasInstance) {
                    continue;
                }
                int best = -1;
                double bestSim = Double.NEGATIVE_INFINITY;
                for (int i : members) {
                    double sim = dot(query.embedding(), items.get(i).embedding());
                    if (sim > bestSim) {
                        bestSim = sim;
                        best = i;
                    }
                }
                queries++;
                if (Objects.equals(items.get(best).instance(), query.instance())) {
                    correct++;
                }
            }
        }
        return new Score(queries == 0 ? Double.NaN : (double) correct / queries, queries);
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
