package org.lesionsearch.core.lesion;

/** Voxel spacing in mm: in-plane x and y, and the slice interval z. */
public record Spacing(double x, double y, double z) {
}
