package org.lesionsearch.core.lesion;

/**
 * Where a lesion lies relative to the body, each coordinate in [0, 1]: x left to right and
 * y front to back of the body's extent in the slice, z from the body-part regressor (head 0).
 */
public record BodyLocation(double x, double y, double z) {

    public double distanceTo(BodyLocation other) {
        double dx = x - other.x, dy = y - other.y, dz = z - other.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
