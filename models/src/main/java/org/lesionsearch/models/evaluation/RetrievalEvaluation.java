package org.lesionsearch.models.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        float[][] embeddings = items.stream().map(Item::embedding).toArray(float[][]::new);
        return matchingAccuracy(items, LesionSimilarity.cosine(embeddings));
    }

    /** Matching as above, the candidate ranked first by {@code similarity} being the match. */
    public static Score matchingAccuracy(List<Item> items, LesionSimilarity similarity) {
        double[] correct = {0};
        int queries = forEachMatchingQuery(items, (q, members) -> {
            int best = -1;
            double bestSim = Double.NEGATIVE_INFINITY;
            for (int i : members) {
                double sim = similarity.between(q, i);
                if (sim > bestSim) {
                    bestSim = sim;
                    best = i;
                }
            }
            if (best >= 0 && Objects.equals(items.get(best).instance(), items.get(q).instance())) {
                correct[0]++;
            }
        });
        return new Score(queries == 0 ? Double.NaN : correct[0] / queries, queries);
    }

    /** The expected matching accuracy of picking a lesion of the other study at random, on the same queries. */
    public static Score matchingChance(List<Item> items) {
        double[] expected = {0};
        int queries = forEachMatchingQuery(items, (q, members) -> expected[0] += 1.0 / members.size());
        return new Score(queries == 0 ? Double.NaN : expected[0] / queries, queries);
    }

    private interface MatchingQuery {
        void accept(int query, List<Integer> otherStudy);
    }

    /** Every (lesion with an instance, other study of its patient that holds the instance); returns their count. */
    private static int forEachMatchingQuery(List<Item> items, MatchingQuery action) {
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            byStudy.computeIfAbsent(item.patient() + "\u0000" + item.study(), s -> new ArrayList<>()).add(i);
        }
        int queries = 0;
        for (int q = 0; q < items.size(); q++) {
            Item query = items.get(q);
            if (query.instance() == null) {
                continue;
            }
            for (List<Integer> members : byStudy.values()) {
                Item first = items.get(members.getFirst());
                if (!first.patient().equals(query.patient()) || first.study().equals(query.study())) {
                    continue;
                }
                if (members.stream().noneMatch(i -> query.instance().equals(items.get(i).instance()))) {
                    continue;
                }
                action.accept(q, members);
                queries++;
            }
        }
        return queries;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
