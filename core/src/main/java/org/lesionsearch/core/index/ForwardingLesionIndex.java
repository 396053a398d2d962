package org.lesionsearch.core.index;

import java.util.List;
import java.util.Optional;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;

/**
 * A lesion index that passes every call to another one: the base of decorators, which override
 * only the calls they change.
 */
public abstract class ForwardingLesionIndex implements LesionIndex {

    private final LesionIndex delegate;

    protected ForwardingLesionIndex(LesionIndex delegate) {
        this.delegate = delegate;
    }

    public LesionIndex delegate() {
        return delegate;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public Optional<ModelInfo> model() {
        return delegate.model();
    }

    @Override
    public UpsertResult upsert(List<Lesion> lesions) {
        return delegate.upsert(lesions);
    }

    @Override
    public boolean delete(LesionId id) {
        return delegate.delete(id);
    }

    @Override
    public Optional<Lesion> get(LesionId id) {
        return delegate.get(id);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return delegate.search(request);
    }

    @Override
    public List<Lesion> listByPatient(String patientId) {
        return delegate.listByPatient(patientId);
    }

    @Override
    public LabelFacets facets(Filter filter) {
        return delegate.facets(filter);
    }

    @Override
    public long count(Filter filter) {
        return delegate.count(filter);
    }

    @Override
    public IndexStats stats() {
        return delegate.stats();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
