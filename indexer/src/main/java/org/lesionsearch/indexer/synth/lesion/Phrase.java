package org.lesionsearch.indexer.synth.lesion;

import java.util.Set;

/**
 * Words of a report sentence with the ontology labels a reader finds in them, including the
 * composite terms the words imply ("mass" in the liver is a "liver mass"); possibly none.
 */
public record Phrase(String text, Set<String> labels) {

    public Phrase {
        labels = Set.copyOf(labels);
    }

    public static Phrase of(String text, String... labels) {
        return new Phrase(text, Set.of(labels));
    }
}
