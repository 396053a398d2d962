package org.lesionsearch.elasticsearch;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.LesionIndexContract;

/** The backend contract, against a real Elasticsearch node. */
class ElasticsearchLesionIndexTest extends LesionIndexContract {

    @RegisterExtension
    static final ElasticsearchNode NODE = new ElasticsearchNode();

    private static final AtomicInteger INDEXES = new AtomicInteger();

    @Override
    protected LesionIndex newIndex() {
        return ElasticsearchLesionIndex.open(ElasticsearchOptions.defaults(NODE.url(), "contract-" + INDEXES.incrementAndGet()));
    }
}
