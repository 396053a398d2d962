package org.lesionsearch.core.index.lucene;

import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * How a {@link LuceneLesionIndex} builds and searches its index.
 *
 * @param vocabulary labels the index accepts and counts in facets
 * @param validator checks every lesion before it is written
 * @param maxConn HNSW graph degree (M)
 * @param beamWidth HNSW candidate list size while building the graph
 * @param exactThreshold a segment whose filter matches at most this many lesions is scored exactly
 *     instead of through the graph
 * @param minCandidates nearest neighbours the graph is asked for at least, before exact rescoring
 * @param oversampling graph candidates per requested hit ({@code offset + k}), before exact rescoring
 * @param ramBufferMb indexing buffer; larger buffers mean fewer, larger segments and fewer graph merges
 * @param verifyOnOpen whether {@link LuceneLesionIndex#open} reads every file to verify its checksum
 */
public record LuceneIndexOptions(LabelVocabulary vocabulary, LesionValidator validator, int maxConn, int beamWidth,
        int exactThreshold, int minCandidates, double oversampling, double ramBufferMb, boolean verifyOnOpen) {

    public LuceneIndexOptions {
        if (vocabulary == null || validator == null) {
            throw new IllegalArgumentException("vocabulary and validator are required");
        }
        if (maxConn < 2 || maxConn > 512) {
            throw new IllegalArgumentException("maxConn must be in [2, 512], was " + maxConn);
        }
        if (beamWidth < 1 || beamWidth > 3200) {
            throw new IllegalArgumentException("beamWidth must be in [1, 3200], was " + beamWidth);
        }
        if (exactThreshold < 0) {
            throw new IllegalArgumentException("exactThreshold must not be negative, was " + exactThreshold);
        }
        if (minCandidates < 1) {
            throw new IllegalArgumentException("minCandidates must be at least 1, was " + minCandidates);
        }
        if (!(oversampling >= 1)) {
            throw new IllegalArgumentException("oversampling must be at least 1, was " + oversampling);
        }
        if (!(ramBufferMb >= 1 && ramBufferMb < 2048)) {
            throw new IllegalArgumentException("ramBufferMb must be in [1, 2048), was " + ramBufferMb);
        }
    }

    public static LuceneIndexOptions defaults() {
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        return new LuceneIndexOptions(vocabulary, new LesionValidator(vocabulary), 16, 100, 5_000, 80, 2, 256, true);
    }

    public LuceneIndexOptions withExactThreshold(int exactThreshold) {
        return new LuceneIndexOptions(vocabulary, validator, maxConn, beamWidth, exactThreshold, minCandidates,
                oversampling, ramBufferMb, verifyOnOpen);
    }

    public LuceneIndexOptions withCandidates(int minCandidates, double oversampling) {
        return new LuceneIndexOptions(vocabulary, validator, maxConn, beamWidth, exactThreshold, minCandidates,
                oversampling, ramBufferMb, verifyOnOpen);
    }

    public LuceneIndexOptions withGraph(int maxConn, int beamWidth) {
        return new LuceneIndexOptions(vocabulary, validator, maxConn, beamWidth, exactThreshold, minCandidates,
                oversampling, ramBufferMb, verifyOnOpen);
    }

    public LuceneIndexOptions withRamBufferMb(double ramBufferMb) {
        return new LuceneIndexOptions(vocabulary, validator, maxConn, beamWidth, exactThreshold, minCandidates,
                oversampling, ramBufferMb, verifyOnOpen);
    }

    /** Options for an index of vectors of another dimension (tests, other models). */
    public LuceneIndexOptions withValidator(LesionValidator validator) {
        return new LuceneIndexOptions(vocabulary, validator, maxConn, beamWidth, exactThreshold, minCandidates,
                oversampling, ramBufferMb, verifyOnOpen);
    }
}
