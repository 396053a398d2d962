package org.lesionsearch.query.ranking;

import java.util.List;

/**
 * Why a hit ranks where it does.
 *
 * @param cosine embedding similarity to the query vector or example, {@code NaN} without one
 * @param labelAgreement mean probability of the reference labels, {@code NaN} without any
 * @param sharedLabels reference labels the hit carries, with their probabilities
 * @param missingLabels reference labels the hit does not carry, with their probabilities
 * @param sizeRatio the hit's long axis over the example's, or {@code null}
 * @param locationDistance distance between the normalised body locations of the hit and the
 *     example (0 to about 1.7), or {@code null}
 * @param embeddingRank 1-based rank by cosine among the candidates, or {@code null}
 * @param labelRank 1-based rank by label agreement among the candidates, or {@code null}
 */
public record HitExplanation(double cosine, double labelAgreement, List<LabelEvidence> sharedLabels,
        List<LabelEvidence> missingLabels, Double sizeRatio, Double locationDistance, Integer embeddingRank,
        Integer labelRank) {

    public HitExplanation {
        sharedLabels = List.copyOf(sharedLabels);
        missingLabels = List.copyOf(missingLabels);
    }
}
