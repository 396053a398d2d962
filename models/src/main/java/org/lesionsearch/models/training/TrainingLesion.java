package org.lesionsearch.models.training;

import java.util.Set;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.models.input.LesionPatches;

/**
 * One lesion as training sees it: its patches and the supervision cues.
 *
 * @param key the lesion id
 * @param patient who it belongs to (retrieval leaves the query's patient out)
 * @param study the study it was measured in (matching compares studies of one patient)
 * @param instance the lesion instance across studies when known (synthetic ground truth,
 *     tracking pairs), else {@code null}
 * @param type DeepLesion's coarse type, {@link CoarseType#UNKNOWN} when unlabelled
 * @param location normalised body location, or {@code null}
 * @param sizeMm RECIST long axis in mm
 * @param labels label terms (mined from the report, or true labels), parents included
 */
public record TrainingLesion(String key, String patient, String study, String instance, CoarseType type,
                             BodyLocation location, double sizeMm, Set<String> labels, LesionPatches patches,
                             Split split) {

    public TrainingLesion {
        labels = Set.copyOf(labels);
    }
}
