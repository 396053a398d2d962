package org.lesionsearch.core.index;

import java.util.Map;
import org.lesionsearch.core.lesion.ModelInfo;

/**
 * @param backend {@code lucene} or {@code elasticsearch}
 * @param lesions lesions in the index
 * @param patients distinct patients
 * @param studies distinct studies
 * @param sizeOnDiskBytes bytes the index takes on disk, or -1 when the backend cannot tell
 * @param model model that produced the index's vectors, or {@code null} before the first one
 * @param details backend-specific state for health reports
 */
public record IndexStats(String backend, long lesions, long patients, long studies, long sizeOnDiskBytes,
        ModelInfo model, Map<String, Object> details) {

    public IndexStats {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
