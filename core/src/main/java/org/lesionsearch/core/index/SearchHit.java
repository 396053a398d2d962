package org.lesionsearch.core.index;

import org.lesionsearch.core.lesion.Lesion;

/**
 * One hit: the lesion and its similarity to the query vector (cosine, since vectors are
 * normalised), or {@code NaN} for a search without a vector.
 */
public record SearchHit(Lesion lesion, double similarity) {
}
