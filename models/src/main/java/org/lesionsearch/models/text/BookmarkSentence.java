package org.lesionsearch.models.text;

import java.util.List;

/** A sentence of a report that refers to one or more bookmarked lesions. */
public record BookmarkSentence(Sentence sentence, List<BookmarkReference> references) {

    public BookmarkSentence {
        references = List.copyOf(references);
    }

    public String text() {
        return sentence.text();
    }

    /** The references to lesions this sentence describes (not links to other bookmarks). */
    public List<BookmarkReference> targets() {
        return references.stream().filter(BookmarkReference::target).toList();
    }
}
