package org.lesionsearch.models.input;

/**
 * One input scale of a network: a square field of {@code fieldMm} millimetres around the lesion
 * centre, resampled to {@code sizePx} pixels a side.
 */
public record PatchScale(String name, double fieldMm, int sizePx) {

    public PatchScale {
        if (!(fieldMm > 0) || sizePx < 8) {
            throw new IllegalArgumentException("patch scale " + name + " needs a positive field and at least 8 pixels");
        }
    }

    public double mmPerPixel() {
        return fieldMm / sizePx;
    }
}
