package org.lesionsearch.core.ontology;

/**
 * Two labels of one set that cannot both be true. {@code first} and {@code second} are the labels
 * as given; {@code firstExclusive} and {@code secondExclusive} are the mutually exclusive ontology
 * terms behind the conflict, which are the labels themselves or their ancestors
 * ("liver" and "lung" conflict because "abdomen" excludes "chest").
 */
public record ExclusiveConflict(String first, String second, String firstExclusive, String secondExclusive) {

    /** Whether the two labels themselves are declared exclusive, not only their ancestors. */
    public boolean direct() {
        return first.equals(firstExclusive) && second.equals(secondExclusive);
    }

    @Override
    public String toString() {
        return direct()
                ? "'" + first + "' and '" + second + "' are mutually exclusive"
                : "'" + first + "' and '" + second + "' are mutually exclusive ('" + firstExclusive
                        + "' excludes '" + secondExclusive + "')";
    }
}
