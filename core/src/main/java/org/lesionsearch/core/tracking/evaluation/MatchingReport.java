package org.lesionsearch.core.tracking.evaluation;

/**
 * How well within-patient matching and tracking agree with a cohort's ground truth.
 *
 * @param queries (lesion, other study) pairs where the lesion's instance is present in the other study
 * @param top1Accuracy share of queries whose most probable candidate is the true lesion
 * @param decisionAccuracy share of queries answered with the true lesion (not "no match", not another)
 * @param nearestTop1Accuracy the baseline: share of queries whose nearest candidate by plain
 *     location distance (no alignment, no size, no embedding) is the true lesion
 * @param meanCandidates mean number of lesions in the other study per query
 * @param absentQueries queries where the lesion is known to be absent from the other study (a new
 *     or vanished lesion; complete cohorts only)
 * @param absentFalseMatches of those, how many were matched to some lesion anyway
 * @param removedQueries queries repeated with the true lesion removed from the other study
 * @param removedFalseMatches of those, how many were matched to some other lesion anyway
 * @param trackPurity lesions in tracks that belong to their track's majority instance, over all lesions
 * @param trackCompleteness lesions in their instance's majority track, over all lesions
 */
public record MatchingReport(String cohort, int patients, int studies, int lesions, int queries, int top1Correct,
        double top1Accuracy, int decisionsCorrect, double decisionAccuracy, double nearestTop1Accuracy, double meanCandidates, int absentQueries,
        int absentFalseMatches, int removedQueries, int removedFalseMatches, int tracks, double trackPurity,
        double trackCompleteness, double millisPerQuery) {

    public double absentFalseMatchRate() {
        return absentQueries == 0 ? Double.NaN : (double) absentFalseMatches / absentQueries;
    }

    public double removedFalseMatchRate() {
        return removedQueries == 0 ? Double.NaN : (double) removedFalseMatches / removedQueries;
    }
}
