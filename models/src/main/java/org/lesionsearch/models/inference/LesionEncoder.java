package org.lesionsearch.models.inference;

import java.util.List;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;

/**
 * Turns lesion patches into embeddings, label probabilities and body-part scores. Thread-safe;
 * callers batch to amortise inference.
 */
public interface LesionEncoder extends AutoCloseable {

    /** Name and version recorded with every vector this encoder produces. */
    ModelInfo model();

    /** The patches this encoder expects. */
    PatchSpec inputSpec();

    /** One encoding per input, in input order. */
    List<Encoding> encode(List<LesionPatches> batch);

    @Override
    void close();
}
