package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;

/** A scored document competing for a page of hits; its lesion id is read only to break a tie. */
final class Candidate {

    /** Best first: higher similarity, then smaller lesion id, so that pages are stable. */
    static final Comparator<Candidate> BEST_FIRST = (a, b) -> {
        int bySimilarity = Float.compare(b.similarity, a.similarity);
        return bySimilarity != 0 ? bySimilarity : a.id().compareTo(b.id());
    };

    final LeafReaderContext leaf;
    final int doc;
    final float similarity;
    private BytesRef id;

    Candidate(LeafReaderContext leaf, int doc, float similarity) {
        this.leaf = leaf;
        this.doc = doc;
        this.similarity = similarity;
    }

    BytesRef id() {
        if (id == null) {
            try {
                SortedDocValues ids = leaf.reader().getSortedDocValues(LesionFields.ID);
                if (ids == null || !ids.advanceExact(doc)) {
                    throw new IllegalStateException("document " + doc + " has no lesion id");
                }
                id = BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return id;
    }
}
