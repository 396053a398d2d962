package org.lesionsearch.indexer.synth.anatomy;

/**
 * A cross-section of a structure in one slice: an ellipse in the body frame, rotated by
 * {@code angle}, with a wobbling outline.
 */
public final class Section {

    private final double cx, cy, rx, ry, cos, sin;
    private final Harmonics harmonics;
    private final double spread;
    private final double backCut;

    public Section(double cx, double cy, double rx, double ry, double angle, Harmonics harmonics) {
        this(cx, cy, rx, ry, angle, harmonics, Double.POSITIVE_INFINITY);
    }

    /** @param backCut the outline is cut flat behind {@code cy + backCut * ry} (a body lying on its back) */
    public Section(double cx, double cy, double rx, double ry, double angle, Harmonics harmonics, double backCut) {
        this.cx = cx;
        this.cy = cy;
        this.rx = rx;
        this.ry = ry;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.harmonics = harmonics;
        this.spread = harmonics.spread();
        this.backCut = backCut;
    }

    /**
     * Normalised radius of a point: below 1 inside, 1 on the outline. Exact near the outline;
     * far inside or outside it may skip the outline wobble.
     */
    public double q(double x, double y) {
        double dx = x - cx, dy = y - cy;
        double a = (dx * cos + dy * sin) / rx;
        double b = (-dx * sin + dy * cos) / ry;
        double rho = Math.sqrt(a * a + b * b);
        // deep inside only rims (at most a third of the radius) need the exact outline
        if (spread > 0 && rho > 0.65 - spread && rho < 1 + 2 * spread) {
            rho /= harmonics.factor(Harmonics.angle(b, a));
        }
        if (b > 0 && b / backCut > rho) {
            rho = b / backCut;
        }
        return rho;
    }

    /** Approximate depth in mm of a point inside the outline (negative outside), given its {@link #q}. */
    public double depth(double x, double y, double q) {
        double dx = x - cx, dy = y - cy;
        double r = Math.sqrt(dx * dx + dy * dy);
        return q <= 1e-9 ? Math.min(rx, ry) : (1 - q) * r / q;
    }

    public boolean contains(double x, double y) {
        return q(x, y) < 1;
    }

    /** Radius of a circle around the centre that holds the whole outline. */
    public double reach() {
        return Math.max(rx, ry) * (1 + spread);
    }

    public double cx() {
        return cx;
    }

    public double cy() {
        return cy;
    }

    public double rx() {
        return rx;
    }

    public double ry() {
        return ry;
    }
}
