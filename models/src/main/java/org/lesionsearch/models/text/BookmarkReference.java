package org.lesionsearch.models.text;

import java.util.List;

/**
 * A place in a sentence that points at a measured lesion: a hyperlink token ("BOOKMARK"), a size
 * ("(1.0 cm x 0.9 cm)") or an image reference ("(series 4, image 136)"), or several of them in a row.
 *
 * @param start  offset in the sentence
 * @param end    offset just past it
 * @param kinds  what it is made of, in order
 * @param target whether it points at the lesion being described; false for a link to another
 *               bookmark ("OTHER_BMK")
 */
public record BookmarkReference(int start, int end, List<Kind> kinds, boolean target) {

    public enum Kind { HYPERLINK, OTHER_HYPERLINK, SIZE, IMAGE_REFERENCE }

    public BookmarkReference {
        kinds = List.copyOf(kinds);
    }
}
