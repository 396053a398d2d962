package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues.DocIndexIterator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocAndFloatFeatureBuffer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.util.VectorUtil;
import org.lesionsearch.core.index.SearchPlan;

/**
 * Filtered nearest-neighbour search, planned per segment from the count of the filter's matches.
 * A segment with at most {@code exactThreshold} matches is scanned: a few matches are scored on
 * their raw floats, more on their int8 codes first (a quarter of the bytes) with the best
 * candidates then rescored on floats. A segment with more matches goes through the quantised
 * HNSW graph, asked for more candidates than needed (oversampling), which are rescored on floats.
 * The graph search enters the bottom layer near the query ({@link GraphEntryPoints}) and, under a
 * filter that keeps less than {@value #FILTERED_SEARCH_PERCENT} % of the segment, explores the
 * neighbours of rejected documents too (Lucene's filtered search, after ACORN), so that it walks
 * the matching documents instead of wading through the others. A graph search that would visit
 * more documents than the filter holds stops and falls back to the scan. Float scores are SIMD dot products ({@link VectorUtil}); vectors are unit length, so
 * the dot product is the cosine.
 */
final class KnnPlanner {

    /** The best candidates, best first, and how they were found. */
    record Ranked(List<Candidate> bestFirst, SearchPlan plan) {
    }

    /** Int8-ranked candidates rescored on floats: at least this many, or this many per wanted hit. */
    private static final int MIN_RESCORED = 40, RESCORED_PER_HIT = 4;

    /**
     * Filters keeping less than this share of a segment (in percent) use the filtered graph
     * search: on the benchmark's 30 % label it reaches recall@10 0.99 in 0.39 ms where the plain
     * graph search took 0.62 ms.
     */
    static final int FILTERED_SEARCH_PERCENT = 60;

    private final int exactThreshold;
    private final int minCandidates;
    private final double oversampling;

    private final GraphEntryPoints entryPoints;

    KnnPlanner(int exactThreshold, int minCandidates, double oversampling, GraphEntryPoints entryPoints) {
        this.exactThreshold = exactThreshold;
        this.minCandidates = minCandidates;
        this.oversampling = oversampling;
        this.entryPoints = entryPoints;
    }

    /** @param wanted how many of the best hits the caller needs ({@code offset + k}) */
    Ranked search(List<LeafMatches> matches, float[] query, int wanted) throws IOException {
        TopCandidates top = new TopCandidates(wanted);
        boolean graph = false;
        for (LeafMatches m : matches) {
            if (m.count() == 0) {
                continue;
            }
            FloatVectorValues vectors = m.context().reader().getFloatVectorValues(LesionFields.EMBEDDING);
            if (vectors == null) {
                continue;
            }
            if (m.count() <= exactThreshold || !searchGraph(m, vectors, query, wanted, top)) {
                scan(m, vectors, query, wanted, top);
            } else {
                graph = true;
            }
        }
        return new Ranked(top.bestFirst(), graph ? SearchPlan.HNSW : SearchPlan.EXACT);
    }

    int candidates(int wanted) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(minCandidates, (long) Math.ceil(wanted * oversampling)));
    }

    /**
     * Candidates to ask a segment's graph for when the filter keeps a fraction {@code f} of its
     * vectors. The filtered search walks a sparser graph, so the same recall takes more candidates
     * the fewer documents match: the minimum grows with {@code 1 / sqrt(f)} (on the benchmark's
     * 100,000 lesions, 80 candidates give recall@10 0.994 without a filter and 145 give 0.994
     * under a 30 % label), and is never below oversampling times the wanted hits.
     */
    int graphCandidates(int wanted, int matches, int vectors) {
        double fraction = vectors == 0 ? 1 : Math.min(1, matches / (double) vectors);
        long scaled = (long) Math.ceil(minCandidates / Math.sqrt(fraction));
        return (int) Math.min(Integer.MAX_VALUE, Math.max(scaled, (long) Math.ceil(wanted * oversampling)));
    }

    /** @return false when the graph search gave up because exact scoring would be cheaper */
    private boolean searchGraph(LeafMatches m, FloatVectorValues vectors, float[] query, int wanted, TopCandidates top)
            throws IOException {
        int candidates = Math.min(graphCandidates(wanted, m.count(), vectors.size()), m.count());
        KnnSearchStrategy strategy = new KnnSearchStrategy.Hnsw(FILTERED_SEARCH_PERCENT);
        int[] entries = entryPoints.forQuery(m, vectors, query);
        if (entries.length > 0) {
            strategy = new KnnSearchStrategy.Seeded(new ArrayIterator(entries), entries.length, strategy);
        }
        TopKnnCollector collector = new TopKnnCollector(candidates, m.count() + 1, strategy);
        m.context().reader().searchNearestVectors(LesionFields.EMBEDDING, query, collector, m.acceptDocs());
        if (collector.earlyTerminated()) {
            return false;
        }
        rescore(m, collector.topDocs(), vectors, query, wanted, top);
        return true;
    }

    /**
     * Rescores the best of {@code found} (best first by int8 score) on floats. The int8 order is
     * close to the exact one, so a few times the wanted hits are enough; reading each float
     * vector costs a random 4 KB read.
     */
    private static void rescore(LeafMatches m, TopDocs found, FloatVectorValues vectors, float[] query, int wanted,
            TopCandidates top) throws IOException {
        int n = (int) Math.min(found.scoreDocs.length, Math.max(MIN_RESCORED, (long) RESCORED_PER_HIT * wanted));
        int[] docs = new int[n];
        for (int i = 0; i < n; i++) {
            docs[i] = found.scoreDocs[i].doc;
        }
        Arrays.sort(docs);
        scoreExactly(m.context(), new ArrayIterator(docs), vectors, query, top);
    }

    /**
     * Scores every match. A few are scored on their floats directly; more are first scored on
     * their int8 codes (a quarter of the bytes to read), and the best candidates of that scan
     * rescored on floats, exactly as graph candidates are.
     */
    private void scan(LeafMatches m, FloatVectorValues vectors, float[] query, int wanted, TopCandidates top)
            throws IOException {
        int candidates = candidates(wanted);
        VectorScorer quantized = m.count() <= 2 * candidates ? null : vectors.scorer(query);
        if (quantized == null) {
            scoreExactly(m.context(), m.iterator(), vectors, query, top);
            return;
        }
        TopKnnCollector best = new TopKnnCollector(candidates, Integer.MAX_VALUE);
        VectorScorer.Bulk bulk = quantized.bulk(m.iterator());
        DocAndFloatFeatureBuffer buffer = new DocAndFloatFeatureBuffer();
        while (true) {
            float max = bulk.nextDocsAndScores(DocIdSetIterator.NO_MORE_DOCS, null, buffer);
            if (buffer.size == 0) {
                break;
            }
            if (max >= best.minCompetitiveSimilarity()) {
                for (int i = 0; i < buffer.size; i++) {
                    best.collect(buffer.docs[i], buffer.features[i]);
                }
            }
        }
        rescore(m, best.topDocs(), vectors, query, wanted, top);
    }

    /** Exact dot products over the raw floats of every document of {@code docs} that has a vector. */
    private static void scoreExactly(LeafReaderContext leaf, DocIdSetIterator docs, FloatVectorValues vectors,
            float[] query, TopCandidates top) throws IOException {
        DocIndexIterator withVector = vectors.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            int vectorDoc = withVector.docID() < doc ? withVector.advance(doc) : withVector.docID();
            if (vectorDoc == DocIdSetIterator.NO_MORE_DOCS) {
                return;
            }
            if (vectorDoc == doc) {
                top.offer(leaf, doc, VectorUtil.dotProduct(query, vectors.vectorValue(withVector.index())));
            }
        }
    }

    /** Sorted document ids as an iterator. */
    private static final class ArrayIterator extends DocIdSetIterator {
        private final int[] docs;
        private int i = -1;

        ArrayIterator(int[] docs) {
            this.docs = docs;
        }

        @Override
        public int docID() {
            return i < 0 ? -1 : i >= docs.length ? NO_MORE_DOCS : docs[i];
        }

        @Override
        public int nextDoc() {
            i++;
            return docID();
        }

        @Override
        public int advance(int target) throws IOException {
            return slowAdvance(target);
        }

        @Override
        public long cost() {
            return docs.length;
        }
    }
}
