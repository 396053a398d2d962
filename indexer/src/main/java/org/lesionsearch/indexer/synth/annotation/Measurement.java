package org.lesionsearch.indexer.synth.annotation;

/**
 * A radiologist's RECIST measurement of one lesion in one study, beside the truth it estimates.
 *
 * @param keySlice the slice it was measured on, from 1
 * @param endpointsPx measured end points in key-slice pixels, DeepLesion order
 *     {@code x11, y11, x12, y12, x21, y21, x22, y22} (long axis first)
 * @param truth the diameters of the lesion as drawn on the key slice, in pixels
 * @param truthBoxPx tight box of the drawn outline {@code x1, y1, x2, y2}
 * @param possiblyNoisy a careless measurement (DeepLesion's {@code Possibly_noisy})
 */
public record Measurement(int keySlice, double[] endpointsPx, Diameters truth, double[] truthBoxPx,
                          double pixelSpacing, boolean possiblyNoisy) {

    /** DeepLesion draws the box 5 pixels around the measured end points. */
    public static final double BOX_MARGIN_PX = 5;

    public Measurement {
        endpointsPx = endpointsPx.clone();
        truthBoxPx = truthBoxPx.clone();
    }

    public double longAxisPx() {
        return Math.hypot(endpointsPx[2] - endpointsPx[0], endpointsPx[3] - endpointsPx[1]);
    }

    public double shortAxisPx() {
        return Math.hypot(endpointsPx[6] - endpointsPx[4], endpointsPx[7] - endpointsPx[5]);
    }

    public double longAxisMm() {
        return longAxisPx() * pixelSpacing;
    }

    public double shortAxisMm() {
        return shortAxisPx() * pixelSpacing;
    }

    /** DeepLesion's {@code Bounding_boxes}: the measured end points' extent plus 5 pixels, within the image. */
    public double[] boxPx(int width, int height) {
        double x1 = Double.MAX_VALUE, y1 = Double.MAX_VALUE, x2 = -Double.MAX_VALUE, y2 = -Double.MAX_VALUE;
        for (int k = 0; k < 8; k += 2) {
            x1 = Math.min(x1, endpointsPx[k]);
            x2 = Math.max(x2, endpointsPx[k]);
            y1 = Math.min(y1, endpointsPx[k + 1]);
            y2 = Math.max(y2, endpointsPx[k + 1]);
        }
        return new double[] {Math.max(0, x1 - BOX_MARGIN_PX), Math.max(0, y1 - BOX_MARGIN_PX),
            Math.min(width - 1, x2 + BOX_MARGIN_PX), Math.min(height - 1, y2 + BOX_MARGIN_PX)};
    }

    @Override
    public double[] endpointsPx() {
        return endpointsPx.clone();
    }

    @Override
    public double[] truthBoxPx() {
        return truthBoxPx.clone();
    }
}
