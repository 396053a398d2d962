package org.lesionsearch.models.labeler;

import java.util.List;
import org.lesionsearch.models.backbone.BackboneSpec;

/**
 * Shape of a {@link LabelerBlock}: its backbone, the patch scales it reads, the width of the
 * lesion feature the triplet term works on, and the number of labels.
 */
public record LabelerSpec(BackboneSpec backbone, List<String> scales, int featureDim, int labels) {

    public LabelerSpec {
        scales = List.copyOf(scales);
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("the labeler needs at least one patch scale");
        }
        if (featureDim < 2 || labels < 1) {
            throw new IllegalArgumentException("labeler feature width and label count must be positive");
        }
    }
}
