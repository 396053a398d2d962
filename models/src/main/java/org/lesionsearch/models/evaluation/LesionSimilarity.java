package org.lesionsearch.models.evaluation;

import java.util.List;
import org.lesionsearch.core.lesion.BodyLocation;

/**
 * How similar a candidate lesion is to a query, both given by their position in the evaluated
 * list; the higher, the earlier it ranks.
 */
@FunctionalInterface
public interface LesionSimilarity {

    double between(int query, int candidate);

    /** Cosine similarity of L2-normalised embeddings (their dot product). */
    static LesionSimilarity cosine(float[][] embeddings) {
        return (query, candidate) -> RetrievalEvaluation.dot(embeddings[query], embeddings[candidate]);
    }

    /** The nearer the true normalised location, the more similar: a ranking that looks at no image. */
    static LesionSimilarity nearerLocation(List<BodyLocation> locations) {
        return (query, candidate) -> -locations.get(query).distanceTo(locations.get(candidate));
    }
}
