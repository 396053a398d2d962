package org.lesionsearch.indexer.synth.study;

/**
 * Where the patient lies on the table in one study: the body frame rotated by {@code yaw} about
 * the long axis and shifted by {@code (tx, ty)} gives scanner x and y; body height {@code s}
 * lies at scanner z {@code tz - s}. Patients are repositioned between studies, so poses differ.
 */
public record Pose(double tx, double ty, double tz, double yaw) {

    /** Scanner coordinates (x, y, z) of a body point. */
    public double[] toScanner(double x, double y, double s) {
        double c = Math.cos(yaw), sn = Math.sin(yaw);
        return new double[] {c * x - sn * y + tx, sn * x + c * y + ty, tz - s};
    }
}
