package org.lesionsearch.indexer.synth.anatomy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A branching vessel tree inside an organ (pulmonary vessels, hepatic veins), painted with
 * partial volume: a thin vessel crossing a thick slice only tints the pixels it passes, which
 * gives lung its dotted and streaky texture.
 */
public final class VesselTree implements Structure {

    /** Segments are indexed by height in bins of this many mm. */
    private static final double BIN_MM = 8;

    private final List<double[]> segments;
    private final Organ organ;
    private final Tissue tissue;
    private final long under;
    private final double binOrigin;
    private final int[][] bins;

    /** Where a tree may grow: a point test in the body frame. */
    public interface Region {
        boolean contains(double x, double y, double s);
    }

    /** @param segments each {@code {x0, y0, s0, x1, y1, s1, radius}} */
    public VesselTree(List<double[]> segments, Organ organ, Tissue tissue, long under) {
        this.segments = List.copyOf(segments);
        this.organ = organ;
        this.tissue = tissue;
        this.under = under;
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (double[] g : segments) {
            min = Math.min(min, Math.min(g[2], g[5]) - g[6]);
            max = Math.max(max, Math.max(g[2], g[5]) + g[6]);
        }
        this.binOrigin = segments.isEmpty() ? 0 : min;
        int count = segments.isEmpty() ? 1 : (int) ((max - min) / BIN_MM) + 1;
        List<List<Integer>> lists = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            lists.add(new ArrayList<>());
        }
        for (int k = 0; k < segments.size(); k++) {
            double[] g = segments.get(k);
            int from = bin(Math.min(g[2], g[5]) - g[6]), to = bin(Math.max(g[2], g[5]) + g[6]);
            for (int b = Math.max(0, from); b <= Math.min(count - 1, to); b++) {
                lists.get(b).add(k);
            }
        }
        this.bins = new int[count][];
        for (int b = 0; b < count; b++) {
            bins[b] = lists.get(b).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public List<double[]> segments() {
        return segments;
    }

    public Organ organ() {
        return organ;
    }

    @Override
    public long under() {
        return under;
    }

    private int bin(double s) {
        return (int) Math.floor((s - binOrigin) / BIN_MM);
    }

    /**
     * Grows a tree from {@code root} along each of {@code directions} (unit vectors), halving
     * into two children at every generation, until the radius falls below half a millimetre or
     * a branch would leave the region.
     */
    public static VesselTree grow(SplittableRandom rnd, double[] root, List<double[]> directions, double radius,
                                  double length, Region region, Organ organ, Tissue tissue, long under) {
        List<double[]> out = new ArrayList<>();
        for (double[] d : directions) {
            branch(rnd, root, d, radius, length, region, out, 0);
        }
        return new VesselTree(out, organ, tissue, under);
    }

    private static void branch(SplittableRandom rnd, double[] from, double[] dir, double r, double len, Region region,
                               List<double[]> out, int depth) {
        if (r < 0.3 || depth > 12) {
            return;
        }
        double[] to = null;
        // a branch that would leave the organ bends back towards it before giving up
        for (int attempt = 0; attempt < 4 && to == null; attempt++) {
            if (attempt > 0) {
                dir = rotate(dir, perpendicular(dir, rnd), Math.toRadians(25 * attempt));
            }
            for (double l = len; l >= len / 4 && to == null; l /= 2) {
                double[] candidate = {from[0] + dir[0] * l, from[1] + dir[1] * l, from[2] + dir[2] * l};
                if (region.contains(candidate[0], candidate[1], candidate[2])) {
                    to = candidate;
                }
            }
        }
        if (to == null) {
            return;
        }
        out.add(new double[] {from[0], from[1], from[2], to[0], to[1], to[2], r});
        double[] axis = perpendicular(dir, rnd);
        double angle = Math.toRadians(18 + rnd.nextDouble(22));
        for (int side = -1; side <= 1; side += 2) {
            double[] child = rotate(dir, axis, side * angle * (0.7 + rnd.nextDouble(0.6)));
            branch(rnd, to, child, r * (0.72 + rnd.nextDouble(0.1)), len * (0.78 + rnd.nextDouble(0.14)), region,
                    out, depth + 1);
        }
    }

    @Override
    public void paint(SliceCanvas canvas) {
        double half = Math.max(canvas.thickness(), 0.5) / 2;
        double s = canvas.s();
        int w = canvas.width();
        float blood = tissue.hu();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        double minRadius = 0.6 * canvas.pixelSpacing();
        int firstBin = Math.max(0, bin(s - half - 3)), lastBin = Math.min(bins.length - 1, bin(s + half + 3));
        java.util.BitSet done = new java.util.BitSet(segments.size());
        for (int b = firstBin; b <= lastBin; b++) {
            for (int k : bins[b]) {
                if (!done.get(k)) {
                    done.set(k);
                    paintSegment(canvas, segments.get(k), s, half, minRadius);
                }
            }
        }
    }

    private void paintSegment(SliceCanvas canvas, double[] g, double s, double half, double minRadius) {
        int w = canvas.width();
        float blood = tissue.hu();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        {
            double trueRadius = g[6];
            // a vessel thinner than a pixel still dims the pixels it crosses: draw it a pixel wide, fainter
            double r = Math.max(trueRadius, minRadius);
            double[] range = Tube.slabRange(g[2], g[5], s - half - r, s + half + r);
            if (range == null) {
                return;
            }
            double ax = g[0] + (g[3] - g[0]) * range[0], ay = g[1] + (g[4] - g[1]) * range[0];
            double as = g[2] + (g[5] - g[2]) * range[0];
            double bx = g[0] + (g[3] - g[0]) * range[1], by = g[1] + (g[4] - g[1]) * range[1];
            double bs = g[2] + (g[5] - g[2]) * range[1];
            // the share of the slab the vessel fills along the line of sight
            double inSlab = Math.max(0, Math.min(Math.max(as, bs), s + half) - Math.max(Math.min(as, bs), s - half));
            double alpha = Math.min(1, (inSlab + 2 * trueRadius) / (2 * half)) * (trueRadius / r) * (trueRadius / r);
            if (alpha < 0.05) {
                return;
            }
            if (!canvas.bound(Math.min(ax, bx) - r, Math.min(ay, by) - r, Math.max(ax, bx) + r,
                    Math.max(ay, by) + r)) {
                return;
            }
            double ex = bx - ax, ey = by - ay, len2 = ex * ex + ey * ey;
            float[] hu = canvas.hu();
            byte[] organs = canvas.organ();
            for (int j = canvas.j0(); j <= canvas.j1(); j++) {
                double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
                for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                    int idx = j * w + i;
                    if (!canvas.isUnder(idx, under)) {
                        continue;
                    }
                    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / len2));
                    double dx = x - (ax + ex * t), dy = y - (ay + ey * t);
                    if (dx * dx + dy * dy < r * r) {
                        hu[idx] = (float) (hu[idx] * (1 - alpha) + blood * alpha);
                        if (alpha >= 0.5) {
                            organs[idx] = organ.code();
                        }
                    }
                }
            }
        }
    }

    @Override
    public double[] extent() {
        double[] e = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE};
        for (double[] g : segments) {
            for (int axis = 0; axis < 3; axis++) {
                e[2 * axis] = Math.min(e[2 * axis], Math.min(g[axis], g[axis + 3]) - g[6]);
                e[2 * axis + 1] = Math.max(e[2 * axis + 1], Math.max(g[axis], g[axis + 3]) + g[6]);
            }
        }
        return e;
    }

    @Override
    public Organ organAt(double x, double y, double s) {
        int b = bin(s);
        if (b < 0 || b >= bins.length) {
            return null;
        }
        for (int k : bins[b]) {
            double[] g = segments.get(k);
            double dx = g[3] - g[0], dy = g[4] - g[1], ds = g[5] - g[2];
            double len2 = dx * dx + dy * dy + ds * ds;
            double t = len2 == 0 ? 0 : ((x - g[0]) * dx + (y - g[1]) * dy + (s - g[2]) * ds) / len2;
            t = Math.max(0, Math.min(1, t));
            double ex = x - g[0] - dx * t, ey = y - g[1] - dy * t, es = s - g[2] - ds * t;
            if (ex * ex + ey * ey + es * es < g[6] * g[6]) {
                return organ;
            }
        }
        return null;
    }

    private static double[] perpendicular(double[] d, SplittableRandom rnd) {
        double[] helper = Math.abs(d[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        double[] a = normalise(cross(d, helper));
        double[] b = cross(d, a);
        double phi = rnd.nextDouble(2 * Math.PI);
        return normalise(new double[] {a[0] * Math.cos(phi) + b[0] * Math.sin(phi),
                a[1] * Math.cos(phi) + b[1] * Math.sin(phi), a[2] * Math.cos(phi) + b[2] * Math.sin(phi)});
    }

    /** Rodrigues' rotation of {@code v} around unit {@code axis}. */
    static double[] rotate(double[] v, double[] axis, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        double[] cross = cross(axis, v);
        double dot = axis[0] * v[0] + axis[1] * v[1] + axis[2] * v[2];
        return normalise(new double[] {v[0] * c + cross[0] * s + axis[0] * dot * (1 - c),
                v[1] * c + cross[1] * s + axis[1] * dot * (1 - c), v[2] * c + cross[2] * s + axis[2] * dot * (1 - c)});
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalise(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
