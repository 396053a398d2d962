package org.lesionsearch.models.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.lesionsearch.core.lesion.BodyLocation;

/**
 * LesionGraph's retrieval evaluation: for each query, its {@code k} most similar lesions of other
 * patients, judged by the share with the query's coarse type, their mean normalised location
 * distance to the query and their mean size ratio (larger over smaller long axis). The random
 * expectation of the same figures, over every lesion of another patient, shows what a ranking
 * adds. A lesion is a query when at least {@code k} lesions of other patients are there, so every
 * ranking and the random expectation are scored on the same queries.
 */
public final class NeighbourQuality {

    /** What the neighbours of a lesion are judged on. */
    public record Lesion(String patient, String type, BodyLocation location, double sizeMm) {

        public Lesion {
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(location, "location");
            if (!(sizeMm > 0) || !Double.isFinite(sizeMm)) {
                throw new IllegalArgumentException("a lesion's size must be a positive number of mm, was " + sizeMm);
            }
        }
    }

    /** Means over the queries of the per-query means over their neighbours. */
    public record Scores(double typePrecision, double meanLocationDistance, double meanSizeRatio, int queries) {
    }

    private NeighbourQuality() {
    }

    public static Scores topK(List<Lesion> lesions, LesionSimilarity similarity, int k) {
        return score(lesions, k, (query, candidates) -> {
            List<Integer> ranked = new ArrayList<>(candidates);
            // stable sort: equal similarities keep list order, so results repeat
            ranked.sort(Comparator.comparingDouble((Integer c) -> similarity.between(query, c)).reversed());
            return ranked.subList(0, k);
        });
    }

    /** What a ranking that ignores the images and locations scores on average: every candidate weighs the same. */
    public static Scores randomExpectation(List<Lesion> lesions, int k) {
        return score(lesions, k, (query, candidates) -> candidates);
    }

    /** Larger over smaller, so 1 for equal sizes whichever is the query. */
    public static double sizeRatio(double aMm, double bMm) {
        return Math.max(aMm, bMm) / Math.min(aMm, bMm);
    }

    private interface Neighbours {
        List<Integer> of(int query, List<Integer> candidates);
    }

    private static Scores score(List<Lesion> lesions, int k, Neighbours neighbours) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        double precision = 0;
        double distance = 0;
        double ratio = 0;
        int queries = 0;
        for (int q = 0; q < lesions.size(); q++) {
            Lesion query = lesions.get(q);
            List<Integer> candidates = new ArrayList<>();
            for (int c = 0; c < lesions.size(); c++) {
                if (!lesions.get(c).patient().equals(query.patient())) {
                    candidates.add(c);
                }
            }
            if (candidates.size() < k) {
                continue;
            }
            List<Integer> chosen = neighbours.of(q, candidates);
            double same = 0;
            double dist = 0;
            double sizes = 0;
            for (int c : chosen) {
                Lesion other = lesions.get(c);
                same += other.type().equals(query.type()) ? 1 : 0;
                dist += query.location().distanceTo(other.location());
                sizes += sizeRatio(query.sizeMm(), other.sizeMm());
            }
            precision += same / chosen.size();
            distance += dist / chosen.size();
            ratio += sizes / chosen.size();
            queries++;
        }
        if (queries == 0) {
            return new Scores(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Scores(precision / queries, distance / queries, ratio / queries, queries);
    }
}
