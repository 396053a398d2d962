package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The lesions of one segment that a search may return, counted. {@code bits == null} stands for
 * every live document, so that an unfiltered search builds no bit set.
 *
 * @param bits matching live documents, or {@code null} for all live documents
 * @param excludedDoc a document to leave out (the example lesion), or -1
 * @param count number of matching documents
 */
record LeafMatches(LeafReaderContext context, FixedBitSet bits, int excludedDoc, int count) {

    /** Matches of {@code query} in every segment, less the example document when there is one. */
    static List<LeafMatches> of(IndexSearcher searcher, Query query, DocRef excluded) throws IOException {
        List<LeafMatches> out = new ArrayList<>(searcher.getIndexReader().leaves().size());
        boolean all = query instanceof MatchAllDocsQuery;
        Weight weight = all ? null : searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int excludedDoc = excluded != null && excluded.leaf().ord == leaf.ord ? excluded.doc() : -1;
            if (all) {
                int count = leaf.reader().numDocs() - (excludedDoc >= 0 ? 1 : 0);
                out.add(new LeafMatches(leaf, null, excludedDoc, count));
                continue;
            }
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                out.add(new LeafMatches(leaf, new FixedBitSet(1), -1, 0));
                continue;
            }
            FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
            bits.or(scorer.iterator());
            Bits live = leaf.reader().getLiveDocs();
            if (live != null) {
                live.applyMask(bits, 0);
            }
            if (excludedDoc >= 0) {
                bits.clear(excludedDoc);
            }
            out.add(new LeafMatches(leaf, bits, -1, bits.cardinality()));
        }
        return out;
    }

    boolean matches(int doc) {
        if (bits != null) {
            return bits.get(doc);
        }
        Bits live = context.reader().getLiveDocs();
        return doc != excludedDoc && (live == null || live.get(doc));
    }

    /** Matching documents in increasing order. */
    DocIdSetIterator iterator() {
        if (bits != null) {
            return new BitSetIterator(bits, count);
        }
        return new LiveDocsIterator(context.reader().maxDoc(), context.reader().getLiveDocs(), excludedDoc);
    }

    /** The matches as the graph search's acceptance test. */
    AcceptDocs acceptDocs() {
        int maxDoc = context.reader().maxDoc();
        if (bits != null) {
            return AcceptDocs.fromIteratorSupplier(this::iterator, null, maxDoc);
        }
        Bits live = context.reader().getLiveDocs();
        if (excludedDoc < 0) {
            return AcceptDocs.fromLiveDocs(live, maxDoc);
        }
        return AcceptDocs.fromIteratorSupplier(this::iterator, null, maxDoc);
    }

    /** Every live document but one, in order. */
    private static final class LiveDocsIterator extends DocIdSetIterator {
        private final int maxDoc;
        private final Bits live;
        private final int excluded;
        private int doc = -1;

        LiveDocsIterator(int maxDoc, Bits live, int excluded) {
            this.maxDoc = maxDoc;
            this.live = live;
            this.excluded = excluded;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            for (int d = target; d < maxDoc; d++) {
                if (d != excluded && (live == null || live.get(d))) {
                    return doc = d;
                }
            }
            return doc = NO_MORE_DOCS;
        }

        @Override
        public long cost() {
            return maxDoc;
        }
    }
}
