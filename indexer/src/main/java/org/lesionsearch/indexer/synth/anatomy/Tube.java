package org.lesionsearch.indexer.synth.anatomy;

import java.util.List;

/**
 * A tubular structure along a 3D polyline: vessels, airways, bowel. Sampled exactly at the slice
 * centre: a pixel is inside when its distance to the centre line is below the local radius.
 *
 * @param points centre line, each {@code {x, y, s, radius}}
 * @param wallMm wall thickness (0 for none) painted in {@code wall}
 * @param airLevel fraction of the radius: air fills the lumen in front of {@code axis - airLevel * r}; NaN for none
 * @param mottle when not null, the lumen is mottled faeces with gas bubbles
 */
public record Tube(List<double[]> points, Organ organ, Tissue lumen, double wallMm, Tissue wall, double airLevel,
                   Mottle mottle, long under) implements Structure {

    public Tube {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("a tube needs at least two points");
        }
    }

    public static Tube solid(List<double[]> points, Organ organ, Tissue tissue, long under) {
        return new Tube(points, organ, tissue, 0, tissue, Double.NaN, null, under);
    }

    @Override
    public void paint(SliceCanvas canvas) {
        double s = canvas.s();
        int w = canvas.width();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        for (int k = 0; k + 1 < points.size(); k++) {
            double[] a = points.get(k), b = points.get(k + 1);
            double rMax = Math.max(a[3], b[3]);
            double[] range = slabRange(a[2], b[2], s - rMax, s + rMax);
            if (range == null) {
                continue;
            }
            double ax = a[0] + (b[0] - a[0]) * range[0], ay = a[1] + (b[1] - a[1]) * range[0];
            double bx = a[0] + (b[0] - a[0]) * range[1], by = a[1] + (b[1] - a[1]) * range[1];
            if (!canvas.bound(Math.min(ax, bx) - rMax, Math.min(ay, by) - rMax, Math.max(ax, bx) + rMax,
                    Math.max(ay, by) + rMax)) {
                continue;
            }
            for (int j = canvas.j0(); j <= canvas.j1(); j++) {
                double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
                for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                    int idx = j * w + i;
                    if (!canvas.isUnder(idx, under)) {
                        continue;
                    }
                    float value = valueAt(a, b, x, y, s);
                    if (!Float.isNaN(value)) {
                        canvas.paint(idx, value, organ, under);
                    }
                }
            }
        }
    }

    /** The value of the tube at a point of segment a-b, NaN outside. */
    private float valueAt(double[] a, double[] b, double x, double y, double s) {
        double dx = b[0] - a[0], dy = b[1] - a[1], ds = b[2] - a[2];
        double len2 = dx * dx + dy * dy + ds * ds;
        double t = len2 == 0 ? 0 : ((x - a[0]) * dx + (y - a[1]) * dy + (s - a[2]) * ds) / len2;
        t = Math.max(0, Math.min(1, t));
        double px = a[0] + dx * t, py = a[1] + dy * t, ps = a[2] + ds * t;
        double r = a[3] + (b[3] - a[3]) * t;
        double ex = x - px, ey = y - py, es = s - ps;
        double d2 = ex * ex + ey * ey + es * es;
        if (d2 >= r * r) {
            return Float.NaN;
        }
        if (wallMm > 0 && Math.sqrt(d2) > r - wallMm) {
            return wall.hu();
        }
        if (!Double.isNaN(airLevel) && ey < -airLevel * r) {
            return Tissue.AIR.hu();
        }
        if (mottle != null) {
            double m = mottle.at(x, y, s);
            return m > 0.55 ? Tissue.AIR.hu() : (float) (Tissue.FECES.hu() + 110 * m);
        }
        return lumen.hu();
    }

    @Override
    public double[] extent() {
        double[] e = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE};
        for (double[] p : points) {
            for (int axis = 0; axis < 3; axis++) {
                e[2 * axis] = Math.min(e[2 * axis], p[axis] - p[3]);
                e[2 * axis + 1] = Math.max(e[2 * axis + 1], p[axis] + p[3]);
            }
        }
        return e;
    }

    @Override
    public Organ organAt(double x, double y, double s) {
        for (int k = 0; k + 1 < points.size(); k++) {
            if (!Float.isNaN(valueAt(points.get(k), points.get(k + 1), x, y, s))) {
                return organ;
            }
        }
        return null;
    }

    /**
     * The parameter range {@code [t0, t1]} of a segment from height {@code sa} to {@code sb} that
     * lies within {@code [lo, hi]}, or null when none does.
     */
    static double[] slabRange(double sa, double sb, double lo, double hi) {
        if (sa == sb) {
            return sa >= lo && sa <= hi ? new double[] {0, 1} : null;
        }
        double t0 = (lo - sa) / (sb - sa), t1 = (hi - sa) / (sb - sa);
        double from = Math.max(0, Math.min(t0, t1)), to = Math.min(1, Math.max(t0, t1));
        return from <= to ? new double[] {from, to} : null;
    }
}
