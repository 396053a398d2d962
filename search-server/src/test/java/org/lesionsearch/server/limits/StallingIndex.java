package org.lesionsearch.server.limits;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.ForwardingLesionIndex;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.lesion.Lesion;

/**
 * A fault injector around a real index: while stalled, searches hang the way they do on a backend
 * that stopped answering without closing its connections.
 */
final class StallingIndex extends ForwardingLesionIndex {

    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    StallingIndex(LesionIndex index) {
        super(index);
    }

    void stall() {
        gate.set(new CountDownLatch(1));
    }

    void release() {
        gate.get().countDown();
    }

    private void pass() {
        try {
            gate.get().await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public SearchResult search(SearchRequest request) {
        pass();
        return super.search(request);
    }

    @Override
    public long count(Filter filter) {
        pass();
        return super.count(filter);
    }

    @Override
    public LabelFacets facets(Filter filter) {
        pass();
        return super.facets(filter);
    }

    @Override
    public List<Lesion> listByPatient(String patientId) {
        pass();
        return super.listByPatient(patientId);
    }

    @Override
    public void close() {
        release();
        super.close();
    }
}
