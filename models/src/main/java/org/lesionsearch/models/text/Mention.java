package org.lesionsearch.models.text;

/**
 * An ontology term found in a sentence.
 *
 * @param label  the term's canonical name
 * @param from   index of its first token
 * @param to     index just past its last token
 * @param words  the words as written (normalised)
 * @param nested whether a longer mention covers it ("adenopathy" in "mediastinal adenopathy")
 */
public record Mention(String label, int from, int to, String words, boolean nested) {

    public boolean covers(Mention other) {
        return from <= other.from && other.to <= to && (to - from) > (other.to - other.from);
    }
}
