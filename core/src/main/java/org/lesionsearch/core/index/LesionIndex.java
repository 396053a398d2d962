package org.lesionsearch.core.index;

import java.util.List;
import java.util.Optional;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;

/**
 * The store of lesions, independent of backend. Implementations are thread-safe; writes are
 * visible to searches soon after (near real time) and durable after {@link #commit()}.
 */
public interface LesionIndex extends AutoCloseable {

    /** {@code lucene} or {@code elasticsearch}. */
    String backend();

    /** The model whose vectors this index holds, empty until the first embedding arrives. */
    Optional<ModelInfo> model();

    /**
     * Inserts or replaces lesions by id. Invalid lesions, and lesions whose model differs from
     * the index's, are rejected one by one with a reason; the rest of the batch is written.
     */
    UpsertResult upsert(List<Lesion> lesions);

    /** @return whether a lesion with this id existed */
    boolean delete(LesionId id);

    Optional<Lesion> get(LesionId id);

    /** @throws java.util.NoSuchElementException when the request's example lesion does not exist */
    SearchResult search(SearchRequest request);

    /** All lesions of a patient, ordered by study date, study, key slice and id. */
    List<Lesion> listByPatient(String patientId);

    /** Label counts over the lesions matching the filter. */
    LabelFacets facets(Filter filter);

    /** Number of lesions matching the filter, exactly. */
    long count(Filter filter);

    IndexStats stats();

    /** Makes every write so far durable. */
    void commit();

    @Override
    void close();
}
