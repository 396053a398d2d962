package org.lesionsearch.models.ssbr;

import org.lesionsearch.models.backbone.BackboneSpec;

/** Shape of a {@link SliceScoreBlock}: its backbone and the one patch scale it reads. */
public record SliceScoreSpec(BackboneSpec backbone, String scale) {
}
