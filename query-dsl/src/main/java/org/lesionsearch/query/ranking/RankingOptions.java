package org.lesionsearch.query.ranking;

/**
 * @param fusion how the two signals are combined
 * @param embeddingWeight weight of the cosine in a weighted sum
 * @param labelWeight weight of the label agreement in a weighted sum
 * @param rrfConstant the {@code c} of reciprocal rank fusion (60 in the original paper)
 * @param candidatePool nearest candidates fetched from the index and re-ranked when the query
 *     has a query lesion; every page within the pool is cut from the same ranking, so pages never
 *     overlap or skip
 * @param filterCandidatePool candidates re-ranked by label agreement when the query has no query
 *     lesion (they come in id order, so a larger pool ranks more of the matches; fetching them
 *     is cheaper without vectors)
 */
public record RankingOptions(Fusion fusion, double embeddingWeight, double labelWeight, int rrfConstant,
        int candidatePool, int filterCandidatePool) {

    public static final int MAX_CANDIDATE_POOL = 5_000;

    public RankingOptions {
        if (fusion == null) {
            throw new IllegalArgumentException("fusion is missing");
        }
        if (!(embeddingWeight >= 0) || !(labelWeight >= 0) || embeddingWeight + labelWeight == 0) {
            throw new IllegalArgumentException("weights must be non-negative and not both zero, were "
                    + embeddingWeight + " and " + labelWeight);
        }
        if (rrfConstant < 1) {
            throw new IllegalArgumentException("the reciprocal rank fusion constant must be at least 1, was " + rrfConstant);
        }
        for (int pool : new int[] {candidatePool, filterCandidatePool}) {
            if (pool < 1 || pool > MAX_CANDIDATE_POOL) {
                throw new IllegalArgumentException("a candidate pool must be between 1 and " + MAX_CANDIDATE_POOL
                        + ", was " + pool);
            }
        }
    }

    public static RankingOptions defaults() {
        return new RankingOptions(Fusion.WEIGHTED_SUM, 0.7, 0.3, 60, 50, 100);
    }

    public RankingOptions withFusion(Fusion fusion) {
        return new RankingOptions(fusion, embeddingWeight, labelWeight, rrfConstant, candidatePool, filterCandidatePool);
    }

    public RankingOptions withWeights(double embeddingWeight, double labelWeight) {
        return new RankingOptions(fusion, embeddingWeight, labelWeight, rrfConstant, candidatePool, filterCandidatePool);
    }

    public RankingOptions withCandidatePools(int candidatePool, int filterCandidatePool) {
        return new RankingOptions(fusion, embeddingWeight, labelWeight, rrfConstant, candidatePool, filterCandidatePool);
    }
}
