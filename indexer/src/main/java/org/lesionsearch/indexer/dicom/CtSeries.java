package org.lesionsearch.indexer.dicom;

import java.util.List;

/**
 * A CT series ready for patches: its image instances ordered along the slice normal (feet to
 * head for axial series), all of one geometry.
 *
 * @param sliceInterval median distance between neighbouring slices in mm, or the slice
 *     thickness of a single-slice series, or NaN when neither is known
 */
public record CtSeries(String seriesUid, List<DicomInstance> slices, double sliceInterval) {

    public CtSeries {
        slices = List.copyOf(slices);
    }

    /** The position of an instance in the ordered series, or -1. */
    public int indexOf(String sopInstanceUid) {
        for (int i = 0; i < slices.size(); i++) {
            if (slices.get(i).sopInstanceUid().equals(sopInstanceUid)) {
                return i;
            }
        }
        return -1;
    }
}
