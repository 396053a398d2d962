package org.lesionsearch.models.training;

import java.util.List;

/**
 * The body-region patches of consecutive slices of one CT volume, ordered head to feet, for the
 * slice-score network. Only their order matters: SSBR needs no labels.
 */
public record SliceVolume(String key, List<float[]> slices) {

    public SliceVolume {
        slices = List.copyOf(slices);
    }
}
