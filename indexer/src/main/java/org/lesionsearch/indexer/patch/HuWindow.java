package org.lesionsearch.indexer.patch;

import java.util.Locale;

/** A Hounsfield window {@code [low, high]}: values inside map linearly to [0, 1], values outside clamp. */
public record HuWindow(double low, double high) {

    /** The soft-tissue window DeepLesion records for most of its lesions. */
    public static final HuWindow SOFT_TISSUE = new HuWindow(-175, 275);

    public HuWindow {
        if (!(Double.isFinite(low) && Double.isFinite(high) && high > low)) {
            throw new IllegalArgumentException("HU window needs finite bounds with low < high, was [" + low + ", " + high + "]");
        }
    }

    /** From a DICOM window centre and width (PS3.3 C.11.2.1.2, linear function). */
    public static HuWindow fromCenterWidth(double center, double width) {
        return new HuWindow(center - width / 2, center + width / 2);
    }

    public static HuWindow of(double[] lowHigh) {
        if (lowHigh == null || lowHigh.length != 2) {
            throw new IllegalArgumentException("HU window needs two numbers [low, high]");
        }
        return new HuWindow(lowHigh[0], lowHigh[1]);
    }

    public float apply(float hu) {
        float v = (float) ((hu - low) / (high - low));
        return v < 0f ? 0f : v > 1f ? 1f : v;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.0f, %.0f] HU", low, high);
    }
}
