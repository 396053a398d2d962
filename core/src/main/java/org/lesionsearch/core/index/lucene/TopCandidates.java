package org.lesionsearch.core.index.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;

/** Keeps the best {@code size} candidates seen, in {@link Candidate#BEST_FIRST} order. */
final class TopCandidates {

    private final int size;
    private final PriorityQueue<Candidate> worstFirst;

    TopCandidates(int size) {
        this.size = size;
        this.worstFirst = new PriorityQueue<>(Math.min(size, 1024) + 1, Candidate.BEST_FIRST.reversed());
    }

    void offer(LeafReaderContext leaf, int doc, float similarity) {
        if (worstFirst.size() < size) {
            worstFirst.add(new Candidate(leaf, doc, similarity));
            return;
        }
        Candidate worst = worstFirst.peek();
        if (similarity < worst.similarity) {
            return;
        }
        Candidate candidate = new Candidate(leaf, doc, similarity);
        if (Candidate.BEST_FIRST.compare(candidate, worst) < 0) {
            worstFirst.poll();
            worstFirst.add(candidate);
        }
    }

    List<Candidate> bestFirst() {
        List<Candidate> out = new ArrayList<>(worstFirst);
        out.sort(Candidate.BEST_FIRST);
        return out;
    }
}
