package org.lesionsearch.server.limits;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.IndexStats;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;

/**
 * A fault injector around a real index: while stalled, searches hang the way they do on a backend
 * that stopped answering without closing its connections.
 */
final class StallingIndex implements LesionIndex {

    private final LesionIndex index;
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    StallingIndex(LesionIndex index) {
        this.index = index;
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
        return index.search(request);
    }

    @Override
    public long count(Filter filter) {
        pass();
        return index.count(filter);
    }

    @Override
    public LabelFacets facets(Filter filter) {
        pass();
        return index.facets(filter);
    }

    @Override
    public List<Lesion> listByPatient(String patientId) {
        pass();
        return index.listByPatient(patientId);
    }

    @Override
    public String backend() {
        return index.backend();
    }

    @Override
    public Optional<ModelInfo> model() {
        return index.model();
    }

    @Override
    public UpsertResult upsert(List<Lesion> lesions) {
        return index.upsert(lesions);
    }

    @Override
    public boolean delete(LesionId id) {
        return index.delete(id);
    }

    @Override
    public Optional<Lesion> get(LesionId id) {
        return index.get(id);
    }

    @Override
    public IndexStats stats() {
        return index.stats();
    }

    @Override
    public void commit() {
        index.commit();
    }

    @Override
    public void close() {
        release();
        index.close();
    }
}
