package org.lesionsearch.models.inference;

import java.util.Set;

/**
 * What the models say about one lesion.
 *
 * @param key the key of the {@code LesionPatches} it came from
 * @param embedding 1024 floats, L2-normalised
 * @param labelScores probabilities over the 171 labels, in model order
 * @param labels labels above their per-label thresholds, expanded to ontology parents
 * @param z body-part score of the key slice mapped to [0, 1] (head 0), or NaN when unknown
 */
public record Encoding(String key, float[] embedding, float[] labelScores, Set<String> labels, double z) {
}
