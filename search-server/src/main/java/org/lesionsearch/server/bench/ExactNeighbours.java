package org.lesionsearch.server.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.util.VectorUtil;

/**
 * Brute-force nearest neighbours of every query under every filter class: the ground truth of
 * recall. Each query scores every lesion once; queries go in blocks so that a lesion's vector is
 * read from memory once per block.
 */
final class ExactNeighbours {

    private static final int BLOCK = 16;

    private ExactNeighbours() {
    }

    /** @return {@code [class][query]} positions of the {@code k} best lesions, best first */
    static int[][][] compute(float[][] docs, List<float[]> queries, List<FilterClass> classes, int k, int threads)
            throws Exception {
        int[][][] out = new int[classes.size()][queries.size()][];
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<?>> tasks = new java.util.ArrayList<>();
            for (int from = 0; from < queries.size(); from += BLOCK) {
                int start = from, end = Math.min(queries.size(), from + BLOCK);
                tasks.add(pool.submit(() -> block(docs, queries, classes, k, start, end, out)));
            }
            for (Future<?> t : tasks) {
                t.get();
            }
        }
        return out;
    }

    private static void block(float[][] docs, List<float[]> queries, List<FilterClass> classes, int k, int start, int end,
            int[][][] out) {
        int nq = end - start, nc = classes.size();
        TopK[][] tops = new TopK[nc][nq];
        for (int c = 0; c < nc; c++) {
            for (int q = 0; q < nq; q++) {
                tops[c][q] = new TopK(k);
            }
        }
        for (int doc = 0; doc < docs.length; doc++) {
            float[] v = docs[doc];
            for (int q = 0; q < nq; q++) {
                float score = VectorUtil.dotProduct(queries.get(start + q), v);
                for (int c = 0; c < nc; c++) {
                    TopK top = tops[c][q];
                    if (top.competitive(score) && classes.get(c).members().test(start + q, doc)) {
                        top.add(doc, score);
                    }
                }
            }
        }
        for (int c = 0; c < nc; c++) {
            for (int q = 0; q < nq; q++) {
                out[c][start + q] = tops[c][q].bestFirst();
            }
        }
    }

    /** The k best (doc, score) pairs, in a small insertion-sorted array. */
    private static final class TopK {
        private final int[] docs;
        private final float[] scores;
        private int size;

        TopK(int k) {
            docs = new int[k];
            scores = new float[k];
        }

        boolean competitive(float score) {
            return size < docs.length || score > scores[size - 1];
        }

        void add(int doc, float score) {
            int i = Math.min(size, docs.length - 1);
            while (i > 0 && scores[i - 1] < score) {
                scores[i] = scores[i - 1];
                docs[i] = docs[i - 1];
                i--;
            }
            scores[i] = score;
            docs[i] = doc;
            size = Math.min(size + 1, docs.length);
        }

        int[] bestFirst() {
            return java.util.Arrays.copyOf(docs, size);
        }
    }
}
