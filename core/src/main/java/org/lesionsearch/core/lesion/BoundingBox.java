package org.lesionsearch.core.lesion;

/** A lesion's box in pixels of the key slice, {@code (x1, y1)} top left, {@code (x2, y2)} bottom right. */
public record BoundingBox(double x1, double y1, double x2, double y2) {

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }
}
