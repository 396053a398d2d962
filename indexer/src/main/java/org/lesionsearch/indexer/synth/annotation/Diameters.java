package org.lesionsearch.indexer.synth.annotation;

/**
 * The RECIST diameters of an outline: the long axis is the longest distance between two outline
 * points; the short axis is the longest chord perpendicular to it.
 *
 * @param longAxis end points {@code {x1, y1, x2, y2}}
 * @param shortAxis end points {@code {x1, y1, x2, y2}}
 */
public record Diameters(double[] longAxis, double[] shortAxis) {

    public Diameters {
        longAxis = longAxis.clone();
        shortAxis = shortAxis.clone();
    }

    public double longLength() {
        return Math.hypot(longAxis[2] - longAxis[0], longAxis[3] - longAxis[1]);
    }

    public double shortLength() {
        return Math.hypot(shortAxis[2] - shortAxis[0], shortAxis[3] - shortAxis[1]);
    }

    @Override
    public double[] longAxis() {
        return longAxis.clone();
    }

    @Override
    public double[] shortAxis() {
        return shortAxis.clone();
    }

    /** Diameters of a closed polygon given as {@code {x, y}} points in order. */
    public static Diameters of(double[][] polygon) {
        int n = polygon.length;
        if (n < 3) {
            throw new IllegalArgumentException("an outline needs at least three points, got " + n);
        }
        int bestA = 0, bestB = 1;
        double best = -1;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double dx = polygon[a][0] - polygon[b][0], dy = polygon[a][1] - polygon[b][1];
                double d = dx * dx + dy * dy;
                if (d > best) {
                    best = d;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        double[] p1 = polygon[bestA], p2 = polygon[bestB];
        double len = Math.sqrt(best);
        double ux = (p2[0] - p1[0]) / len, uy = (p2[1] - p1[1]) / len;
        double vx = -uy, vy = ux;
        // walk along the long axis; at each step find where the perpendicular line crosses the outline
        int steps = 200;
        double bestChord = 0;
        double[] shortAxis = {p1[0], p1[1], p1[0], p1[1]};
        for (int k = 1; k < steps; k++) {
            double t = len * k / steps;
            double minQ = Double.POSITIVE_INFINITY, maxQ = Double.NEGATIVE_INFINITY;
            for (int e = 0; e < n; e++) {
                double[] a = polygon[e], b = polygon[(e + 1) % n];
                double pa = (a[0] - p1[0]) * ux + (a[1] - p1[1]) * uy - t;
                double pb = (b[0] - p1[0]) * ux + (b[1] - p1[1]) * uy - t;
                if ((pa <= 0 && pb > 0) || (pa > 0 && pb <= 0)) {
                    double f = pa / (pa - pb);
                    double qa = (a[0] - p1[0]) * vx + (a[1] - p1[1]) * vy;
                    double qb = (b[0] - p1[0]) * vx + (b[1] - p1[1]) * vy;
                    double q = qa + (qb - qa) * f;
                    minQ = Math.min(minQ, q);
                    maxQ = Math.max(maxQ, q);
                }
            }
            if (maxQ - minQ > bestChord) {
                bestChord = maxQ - minQ;
                double bx = p1[0] + ux * t, by = p1[1] + uy * t;
                shortAxis = new double[] {bx + vx * minQ, by + vy * minQ, bx + vx * maxQ, by + vy * maxQ};
            }
        }
        return new Diameters(new double[] {p1[0], p1[1], p2[0], p2[1]}, shortAxis);
    }
}
