package org.lesionsearch.models.inference;

import java.util.List;
import org.lesionsearch.models.backbone.BackboneSpec;

/**
 * One network of a model bundle.
 *
 * @param format how its weights are stored
 * @param file the weights file, relative to the bundle
 * @param scales names of the patch scales it reads, in input order
 * @param backbone the backbone shape (DJL networks only)
 * @param featureDim the labeler's lesion feature width (DJL labeler only)
 */
public record NetworkEntry(NetworkFormat format, String file, List<String> scales, BackboneSpec backbone,
                           Integer featureDim) {

    public NetworkEntry {
        scales = List.copyOf(scales);
        if (format == NetworkFormat.DJL && backbone == null) {
            throw new IllegalArgumentException("network " + file + " is stored as DJL parameters but has no backbone shape");
        }
    }
}
