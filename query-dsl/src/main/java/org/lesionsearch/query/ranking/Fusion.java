package org.lesionsearch.query.ranking;

/** How embedding similarity and label agreement are combined into one score. */
public enum Fusion {
    /** {@code embeddingWeight * cosine + labelWeight * agreement}. */
    WEIGHTED_SUM,
    /** Reciprocal rank fusion: {@code sum 1 / (c + rank)} over the cosine and the agreement rankings. */
    RECIPROCAL_RANK
}
