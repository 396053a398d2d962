package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues.DocIndexIterator;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.VectorUtil;

/**
 * Where the graph search of one query enters a segment's HNSW graph. Lucene enters at the graph's
 * top node and descends greedily; on clustered embeddings that descent now and then ends in the
 * wrong cluster, and the bottom-layer search cannot leave it, so every hit of that query is lost
 * (on the benchmark's 100,000 clustered vectors, about one query in a hundred). Instead, each
 * segment keeps a fixed sample of its vectors, projected to {@link #DIMENSIONS} dimensions by a
 * seeded random sign matrix; a query is projected alike, the sample's matching documents scored,
 * and the best few become the bottom layer's entry points. The projection keeps which cluster is
 * nearest, which is all an entry point needs, and scoring the sample costs a few microseconds.
 *
 * <p>Samples are built when a searcher opens a segment large enough for graph search ({@link #warm}),
 * or else on the segment's first graph search, and dropped when the segment closes. Thread-safe.
 */
final class GraphEntryPoints {

    /** Sampled vectors per segment: enough that every cluster of a few hundred lesions has some. */
    static final int SAMPLE = 512;
    /** Dimensions of the projection: 32 lost the right cluster for one query in a hundred, 64 for none. */
    static final int DIMENSIONS = 64;
    /** Entry points per search. */
    static final int ENTRY_POINTS = 8;

    private static final int[] NONE = new int[0];

    private final int dimension;
    private final float[][] projection;
    private final Map<IndexReader.CacheKey, Sample> samples = new ConcurrentHashMap<>();

    /** @param dimension length of the vectors the graphs hold */
    GraphEntryPoints(int dimension) {
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(0x5EED);
        projection = new float[DIMENSIONS][dimension];
        for (float[] row : projection) {
            for (int i = 0; i < dimension; i++) {
                row[i] = random.nextBoolean() ? 1 : -1;
            }
        }
    }

    /** A segment's sampled documents and their projected vectors. */
    private record Sample(int[] docs, float[][] points) {
    }

    /**
     * Up to {@link #ENTRY_POINTS} matching documents nearest the query among the segment's sample,
     * in increasing document order; none when the segment cannot be sampled or no sampled
     * document matches (the search then enters the graph as Lucene does).
     */
    int[] forQuery(LeafMatches matches, FloatVectorValues vectors, float[] query) throws IOException {
        if (query.length != dimension || vectors.dimension() != dimension) {
            return NONE;
        }
        Sample sample = sampleOf(matches.context().reader(), vectors);
        if (sample == null) {
            return NONE;
        }
        float[] projected = project(query);
        TopKnnCollector best = new TopKnnCollector(ENTRY_POINTS, Integer.MAX_VALUE);
        for (int i = 0; i < sample.docs().length; i++) {
            if (matches.matches(sample.docs()[i])) {
                best.collect(sample.docs()[i], VectorUtil.dotProduct(projected, sample.points()[i]));
            }
        }
        ScoreDoc[] top = best.topDocs().scoreDocs;
        int[] docs = new int[top.length];
        for (int i = 0; i < top.length; i++) {
            docs[i] = top[i].doc;
        }
        Arrays.sort(docs);
        return docs;
    }

    /** Samples every segment of {@code reader} with more than {@code minDocs} vectors that has none yet. */
    void warm(IndexReader reader, int minDocs) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(LesionFields.EMBEDDING);
            if (vectors != null && vectors.size() > minDocs && vectors.dimension() == dimension) {
                sampleOf(leaf.reader(), vectors);
            }
        }
    }

    /** Number of segments with a sample; for tests. */
    int sampledSegments() {
        return samples.size();
    }

    private Sample sampleOf(LeafReader reader, FloatVectorValues vectors) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return null;
        }
        Sample sample = samples.get(helper.getKey());
        if (sample == null) {
            sample = sample(reader.maxDoc(), vectors);
            if (samples.putIfAbsent(helper.getKey(), sample) == null) {
                helper.addClosedListener(samples::remove);
            }
        }
        return sample;
    }

    /** Every n-th document with a vector, spread evenly over the segment. */
    private Sample sample(int maxDoc, FloatVectorValues vectors) throws IOException {
        int[] docs = new int[SAMPLE];
        float[][] points = new float[SAMPLE][];
        int n = 0;
        DocIndexIterator it = vectors.iterator();
        for (int i = 0; i < SAMPLE; i++) {
            int target = (int) ((long) i * maxDoc / SAMPLE);
            int doc = it.docID() >= target ? it.docID() : it.advance(target);
            if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            if (n > 0 && docs[n - 1] == doc) {
                continue;
            }
            docs[n] = doc;
            points[n] = project(vectors.vectorValue(it.index()));
            n++;
        }
        return new Sample(Arrays.copyOf(docs, n), Arrays.copyOf(points, n));
    }

    private float[] project(float[] vector) {
        float[] out = new float[DIMENSIONS];
        for (int j = 0; j < DIMENSIONS; j++) {
            out[j] = VectorUtil.dotProduct(projection[j], vector);
        }
        return out;
    }
}
