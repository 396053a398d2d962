package org.lesionsearch.models.text;

/** How a mined label relates to the lesion a sentence describes. */
public enum Relevance {
    /** The sentence states it of the lesion. */
    RELEVANT,
    /** The sentence hedges it ("likely", "possibly", "or"). */
    UNCERTAIN,
    /** The sentence mentions it of something else: negated, a neighbour, another lesion. */
    IRRELEVANT;

    /** The weaker of two: irrelevant over uncertain over relevant. */
    public Relevance weakest(Relevance other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
