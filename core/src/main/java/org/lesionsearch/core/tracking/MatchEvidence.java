package org.lesionsearch.core.tracking;

/**
 * The cues behind one candidate match.
 *
 * @param cosine embedding cosine, {@code NaN} when either lesion has no embedding
 * @param locationDistance distance between the normalised locations after aligning the two
 *     studies, {@code NaN} when either lesion has no location
 * @param sizeRatio the candidate's long axis over the query lesion's, {@code NaN} when unknown
 * @param sameCoarseType whether the coarse types agree, {@code null} when either is unknown
 * @param logOdds the summed log likelihood ratio of all cues (same lesion versus different)
 */
public record MatchEvidence(double cosine, double locationDistance, double sizeRatio, Boolean sameCoarseType,
        double logOdds) {
}
