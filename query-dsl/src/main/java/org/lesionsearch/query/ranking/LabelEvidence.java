package org.lesionsearch.query.ranking;

/**
 * One reference label and how strongly a hit carries it.
 *
 * @param label the query's or the example's label
 * @param probability the hit's predicted probability of it (the highest over the label and its
 *     descendants), 1 when the hit's report names it, 0 when nothing says so
 */
public record LabelEvidence(String label, double probability) {
}
