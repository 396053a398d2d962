package org.lesionsearch.models.input;

import java.util.List;

/**
 * What a model expects as input: 3-channel patches at each of its scales, and the HU windows
 * used to turn slices into channels. Recorded in every index that uses the model, so that
 * vectors are only compared when they were computed from the same kind of input.
 *
 * @param scales the context scales, in the order the network takes them
 * @param huWindow the window {@code [low, high]} mapped to [0, 1] when the key slice and its
 *     neighbours make the three channels
 * @param fallbackWindows three windows used on the key slice alone when neighbours are missing
 */
public record PatchSpec(List<PatchScale> scales, double[] huWindow, double[][] fallbackWindows) {

    public PatchSpec {
        scales = List.copyOf(scales);
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("a patch spec needs at least one scale");
        }
    }
}
