package org.lesionsearch.core.tracking;

import org.lesionsearch.core.lesion.Lesion;

/** A lesion of another study that may be the query lesion, with the probability that it is. */
public record MatchCandidate(Lesion lesion, double probability, MatchEvidence evidence) {
}
