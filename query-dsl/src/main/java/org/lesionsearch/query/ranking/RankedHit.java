package org.lesionsearch.query.ranking;

import org.lesionsearch.core.lesion.Lesion;

/**
 * A hit with its score, higher is better: the fused score, or the cosine when the query has no
 * labels to fuse with, or {@code NaN} when the order is a sort (size, date) rather than a ranking.
 */
public record RankedHit(Lesion lesion, double score, HitExplanation explanation) {
}
