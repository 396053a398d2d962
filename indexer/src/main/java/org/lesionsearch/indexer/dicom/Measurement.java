package org.lesionsearch.indexer.dicom;

import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * One lesion measured on a DICOM image, from a sidecar file or an SR document. Pixel
 * coordinates follow DeepLesion: pixel centres at integers, x along a row, y down the columns.
 *
 * @param sopInstanceUid the image the lesion was measured on
 * @param number the measurement's number on that image, or {@code null} to number in file order
 * @param endpointsPx the long axis' end points, then the short axis' when measured:
 *     {@code x11,y11,x12,y12[,x21,y21,x22,y22]}
 * @param longAxisMm the long axis as recorded, or {@code null} to compute it from the end points
 * @param shortAxisMm the short axis as recorded, or {@code null}
 * @param box the lesion box, or {@code null} to derive it from the end points
 * @param coarseType the DeepLesion coarse type, or {@code null} when not given
 * @param location the normalised location, or {@code null} when not given
 * @param window the reading window for the thumbnail, or {@code null} when not given
 * @param origin where it was read, e.g. {@code measurements.csv:12}
 */
public record Measurement(String sopInstanceUid, Integer number, double[] endpointsPx, Double longAxisMm,
        Double shortAxisMm, BoundingBox box, CoarseType coarseType, BodyLocation location, HuWindow window,
        String origin) {

    /** DeepLesion's boxes reach this far beyond the diameters' end points. */
    public static final double BOX_MARGIN_PX = 5;

    public Measurement {
        if (endpointsPx == null || endpointsPx.length != 4 && endpointsPx.length != 8) {
            throw new IllegalArgumentException("a measurement needs 4 or 8 end point coordinates");
        }
        endpointsPx = endpointsPx.clone();
    }

    @Override
    public double[] endpointsPx() {
        return endpointsPx.clone();
    }

    /** The given box, or the end points' extent widened by {@link #BOX_MARGIN_PX} as DeepLesion does. */
    public BoundingBox boxOrDerived() {
        if (box != null) {
            return box;
        }
        double x1 = Double.MAX_VALUE, y1 = Double.MAX_VALUE, x2 = -Double.MAX_VALUE, y2 = -Double.MAX_VALUE;
        for (int i = 0; i < endpointsPx.length; i += 2) {
            x1 = Math.min(x1, endpointsPx[i]);
            x2 = Math.max(x2, endpointsPx[i]);
            y1 = Math.min(y1, endpointsPx[i + 1]);
            y2 = Math.max(y2, endpointsPx[i + 1]);
        }
        return new BoundingBox(x1 - BOX_MARGIN_PX, y1 - BOX_MARGIN_PX, x2 + BOX_MARGIN_PX, y2 + BOX_MARGIN_PX);
    }

    /** Length in mm of axis 0 (long) or 1 (short) from its end points and the pixel spacing. */
    public double axisMm(int axis, double spacingX, double spacingY) {
        int o = axis * 4;
        if (o + 3 >= endpointsPx.length) {
            return 0;
        }
        return Math.hypot((endpointsPx[o + 2] - endpointsPx[o]) * spacingX, (endpointsPx[o + 3] - endpointsPx[o + 1]) * spacingY);
    }
}
