package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues.DocIndexIterator;
import org.apache.lucene.index.LeafReaderContext;
import org.lesionsearch.core.lesion.Lesion;

/**
 * Reads whole lesion records back: the payload from binary doc values, the embedding from the
 * vector field. Documents are visited segment by segment in doc order, so that each segment's
 * readers are opened once and only move forward.
 */
final class LesionReader {

    private LesionReader() {
    }

    /** The lesions of {@code refs}, in the same order. */
    static Lesion[] read(List<DocRef> refs) throws IOException {
        Integer[] order = new Integer[refs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> refs.get(i).leaf().ord).thenComparingInt(i -> refs.get(i).doc()));
        Lesion[] out = new Lesion[refs.size()];
        LeafReaderContext leaf = null;
        BinaryDocValues payloads = null;
        FloatVectorValues vectors = null;
        DocIndexIterator withVector = null;
        for (int i : order) {
            DocRef ref = refs.get(i);
            if (ref.leaf() != leaf) {
                leaf = ref.leaf();
                payloads = leaf.reader().getBinaryDocValues(LesionFields.PAYLOAD);
                vectors = leaf.reader().getFloatVectorValues(LesionFields.EMBEDDING);
                withVector = vectors == null ? null : vectors.iterator();
            }
            int doc = ref.doc();
            if (payloads == null || payloads.docID() > doc || !payloads.advanceExact(doc)) {
                throw new CorruptIndexException("document " + doc + " has no lesion record", leaf.reader().toString());
            }
            float[] embedding = null;
            if (withVector != null) {
                int vectorDoc = withVector.docID() < doc ? withVector.advance(doc) : withVector.docID();
                // the record copies the vector out of the reader's buffer
                embedding = vectorDoc == doc ? vectors.vectorValue(withVector.index()) : null;
            }
            out[i] = LesionPayload.decode(payloads.binaryValue(), embedding);
        }
        return out;
    }

    static Lesion read(DocRef ref) throws IOException {
        return read(List.of(ref))[0];
    }
}
