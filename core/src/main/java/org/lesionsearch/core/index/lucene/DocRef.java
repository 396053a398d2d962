package org.lesionsearch.core.index.lucene;

import org.apache.lucene.index.LeafReaderContext;

/** One document of one segment of the current searcher. */
record DocRef(LeafReaderContext leaf, int doc) {
}
