package org.lesionsearch.models.embedder;

import java.util.List;
import org.lesionsearch.models.backbone.BackboneSpec;

/**
 * Shape of a {@link LesionEmbedderBlock}: its backbone, the patch scales it reads (names of
 * {@code PatchScale}s, in input order) and the embedding length.
 */
public record EmbedderSpec(BackboneSpec backbone, List<String> scales, int dim) {

    public EmbedderSpec {
        scales = List.copyOf(scales);
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("the embedder needs at least one patch scale");
        }
        if (dim < 2) {
            throw new IllegalArgumentException("embedding length must be at least 2, got " + dim);
        }
    }
}
