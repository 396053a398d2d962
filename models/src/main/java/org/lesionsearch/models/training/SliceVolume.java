package org.lesionsearch.models.training;

import java.util.List;

/**
 * The body-region patches of consecutive slices of one CT volume, ordered head to feet, for the
 * slice-score network. Only their order matters: SSBR needs no labels.
 *
 * @param patient whose volume it is, so evaluation can keep to one split's patients; {@code null}
 *     when unknown
 */
public record SliceVolume(String key, String patient, List<float[]> slices) {

    public SliceVolume {
        slices = List.copyOf(slices);
    }

    /** A volume of an unknown patient. */
    public SliceVolume(String key, List<float[]> slices) {
        this(key, null, slices);
    }
}
