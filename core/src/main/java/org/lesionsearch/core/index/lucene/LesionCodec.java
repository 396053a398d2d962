package org.lesionsearch.core.index.lucene;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The default codec with the embedding in an HNSW graph over int8 scalar-quantised vectors. The
 * format keeps the raw floats beside the quantised ones, which exact scoring and rescoring read.
 * Per-field formats are recorded by name in the index, so readers need no custom codec.
 */
final class LesionCodec extends Lucene104Codec {

    private final KnnVectorsFormat embeddingFormat;

    LesionCodec(int maxConn, int beamWidth) {
        this.embeddingFormat = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, maxConn, beamWidth);
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return LesionFields.EMBEDDING.equals(field) ? embeddingFormat : super.getKnnVectorsFormatForField(field);
    }

    String describeEmbeddingFormat() {
        return embeddingFormat.toString();
    }
}
