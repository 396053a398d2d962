package org.lesionsearch.indexer.synth.lesion;

import org.lesionsearch.indexer.synth.anatomy.Harmonics;

/**
 * A lesion's 3D form in the body frame at its reference size: an ellipsoid with semi-axes
 * {@code a >= b} in the axial plane (rotated by {@code angle}) and {@code c} along the body, a
 * lobulated outline and optional spicules. Growth scales it; the form stays, so a lesion looks
 * like itself from study to study.
 *
 * @param spicules number of spicules, 0 for a smooth margin
 * @param spiculeLength spicule length as a fraction of the radius
 */
public record LesionShape(double x, double y, double s, double a, double b, double c, double angle,
                          Harmonics lobulation, int spicules, double spiculeLength, double[] spiculeAngles) {

    public LesionShape {
        spiculeAngles = spiculeAngles.clone();
    }

    /** The axial cross-section at height {@code sq} when the lesion is scaled by {@code factor}, or null. */
    public CrossSection sectionAt(double sq, double factor) {
        if (factor <= 0) {
            return null;
        }
        double zr = (sq - s) / (c * factor);
        if (Math.abs(zr) >= 1) {
            return null;
        }
        double k = Math.sqrt(1 - zr * zr);
        return new CrossSection(this, a * factor * k, b * factor * k);
    }

    /** Outline radius factor at normalised angle {@code phi}: lobulation plus spicules. */
    public double boundary(double phi) {
        double r = lobulation.factor(phi);
        if (spicules > 0) {
            for (double p : spiculeAngles) {
                double d = Math.abs(Math.IEEEremainder(phi - p, 2 * Math.PI));
                double width = 0.09;
                if (d < width) {
                    double t = 1 - d / width;
                    r += spiculeLength * t * t * t;
                }
            }
        }
        return r;
    }

    /** Upper bound of {@link #boundary}. */
    public double maxBoundary() {
        return 1 + lobulation.spread() + (spicules > 0 ? spiculeLength : 0);
    }

    @Override
    public double[] spiculeAngles() {
        return spiculeAngles.clone();
    }

    /** The lesion in one slice: semi-axes {@code ra >= rb} in mm, in the shape's orientation. */
    public record CrossSection(LesionShape shape, double ra, double rb) {

        /**
         * Normalised radius of a body point: 0 at the centre, 1 on the outline (spicules and lobes
         * included), above 1 outside.
         */
        public double u(double px, double py) {
            double dx = px - shape.x(), dy = py - shape.y();
            double cos = Math.cos(shape.angle()), sin = Math.sin(shape.angle());
            double p = (dx * cos + dy * sin) / ra, q = (-dx * sin + dy * cos) / rb;
            double rho = Math.sqrt(p * p + q * q);
            if (rho > shape.maxBoundary()) {
                return rho;
            }
            return rho / shape.boundary(Harmonics.angle(q, p));
        }

        /** The outline as {@code n} body-frame points {@code {x, y}}, spicules included. */
        public double[][] outline(int n) {
            return outline(n, true);
        }

        /**
         * The outline as {@code n} body-frame points; without spicules it is the lesion's body, which
         * RECIST measures (spiculations are left out of the diameters).
         */
        public double[][] outline(int n, boolean spicules) {
            double cos = Math.cos(shape.angle()), sin = Math.sin(shape.angle());
            double[][] points = new double[n][];
            for (int k = 0; k < n; k++) {
                double phi = 2 * Math.PI * k / n;
                double r = spicules ? shape.boundary(phi) : shape.lobulation().factor(phi);
                double p = ra * r * Math.cos(phi), q = rb * r * Math.sin(phi);
                points[k] = new double[] {shape.x() + p * cos - q * sin, shape.y() + p * sin + q * cos};
            }
            return points;
        }

        /** Radius of a circle around the centre holding the outline. */
        public double reach() {
            return ra * shape.maxBoundary();
        }
    }
}
