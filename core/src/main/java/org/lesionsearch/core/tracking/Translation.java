package org.lesionsearch.core.tracking;

import org.lesionsearch.core.lesion.BodyLocation;

/**
 * The offset between two studies' normalised locations of the same anatomy: a location in the
 * other study is about the location in this study plus the translation.
 */
public record Translation(double dx, double dy, double dz) {

    public static final Translation NONE = new Translation(0, 0, 0);

    /** The offset that takes {@code from} onto {@code to}. */
    public static Translation between(BodyLocation from, BodyLocation to) {
        return new Translation(to.x() - from.x(), to.y() - from.y(), to.z() - from.z());
    }

    public Translation inverse() {
        return new Translation(-dx, -dy, -dz);
    }

    public double length() {
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
