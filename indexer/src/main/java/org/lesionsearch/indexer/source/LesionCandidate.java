package org.lesionsearch.indexer.source;

import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * A lesion as a source knows it before the models have seen it: a partly filled record (ids,
 * measurement, box, spacing, demographics, and location or coarse type where the source gives
 * them) and the slices its patch is cut from.
 *
 * @param lesion the partial record; its box and RECIST end points are in key-slice pixels
 * @param file the file the lesion was read from, for rejection reports
 * @param keySlice key of the key slice for its series' {@link SeriesWork#loader()}
 * @param below key of the neighbour slice below, or {@code null} when there is none
 * @param above key of the neighbour slice above, or {@code null} when there is none
 * @param displayWindow the window the thumbnail is drawn in
 */
public record LesionCandidate(Lesion lesion, String file, String keySlice, String below, String above,
        HuWindow displayWindow) {

    public LesionCandidate {
        if (lesion.boundingBox() == null) {
            throw new IllegalArgumentException("lesion " + lesion.id() + " has no bounding box");
        }
    }

    public String id() {
        return lesion.id().value();
    }
}
