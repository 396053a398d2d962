package org.lesionsearch.indexer.pipeline;

import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.models.input.LesionPatches;

/**
 * A lesion ready for the models: its partial record, its patches and its thumbnail.
 *
 * @param lesion the record, with x and y of its location filled when the source had none
 * @param file the file the lesion came from, for rejection reports
 * @param thumbnailPng the windowed crop with RECIST lines, or {@code null} when not wanted
 * @param bodyX x relative to the body when the source gave no location, else NaN
 * @param bodyY y relative to the body when the source gave no location, else NaN
 */
public record PreparedLesion(Lesion lesion, String file, LesionPatches patches, byte[] thumbnailPng, double bodyX, double bodyY) {
}
