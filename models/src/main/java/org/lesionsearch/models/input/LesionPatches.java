package org.lesionsearch.models.input;

import java.util.List;

/**
 * The input of one lesion: for each scale of a {@link PatchSpec}, a {@code 3 x size x size}
 * array in channel-major order with values in [0, 1].
 *
 * @param key an identifier the caller uses to pair inputs with outputs (usually the lesion id)
 * @param patches one array per scale, in the spec's order
 * @param neighboursPresent whether the channels came from real neighbour slices (true) or
 *     from three windows of the key slice (false)
 */
public record LesionPatches(String key, List<float[]> patches, boolean neighboursPresent) {

    public LesionPatches {
        patches = List.copyOf(patches);
    }
}
