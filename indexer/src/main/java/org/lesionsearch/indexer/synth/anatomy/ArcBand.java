package org.lesionsearch.indexer.synth.anatomy;

import java.util.Comparator;
import java.util.List;

/**
 * A curved bony plate mirrored on both sides (iliac wings, scapulae): in each slice a band of
 * given thickness along part of an ellipse, cortex outside and marrow inside.
 */
public record ArcBand(List<Frame> frames, Organ organ, Tissue tissue, long under) implements Structure {

    /** A bony plate: cortex on its faces and ends, marrow inside. */
    public ArcBand(List<Frame> frames, Organ organ, long under) {
        this(frames, organ, null, under);
    }

    /** The band at height s: ellipse, parametric angle range (0 back, pi front) and thickness. */
    public record Frame(double s, double cx, double cy, double rx, double ry, double psiFrom, double psiTo,
                        double thickness) {
    }

    public ArcBand {
        frames = frames.stream().sorted(Comparator.comparingDouble(Frame::s)).toList();
        if (frames.size() < 2) {
            throw new IllegalArgumentException("an arc band needs at least two frames");
        }
    }

    private Frame at(double s) {
        if (s < frames.get(0).s() || s > frames.get(frames.size() - 1).s()) {
            return null;
        }
        int k = 1;
        while (k < frames.size() - 1 && frames.get(k).s() < s) {
            k++;
        }
        Frame a = frames.get(k - 1), b = frames.get(k);
        double t = (s - a.s()) / Math.max(1e-9, b.s() - a.s());
        return new Frame(s, lerp(a.cx(), b.cx(), t), lerp(a.cy(), b.cy(), t), lerp(a.rx(), b.rx(), t),
                lerp(a.ry(), b.ry(), t), lerp(a.psiFrom(), b.psiFrom(), t), lerp(a.psiTo(), b.psiTo(), t),
                lerp(a.thickness(), b.thickness(), t));
    }

    @Override
    public void paint(SliceCanvas canvas) {
        Frame f = at(canvas.s());
        if (f == null) {
            return;
        }
        double reach = Math.max(f.rx(), f.ry()) + f.thickness();
        if (!canvas.bound(f.cx() - reach, f.cy() - reach, f.cx() + reach, f.cy() + reach)) {
            return;
        }
        int w = canvas.width();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        for (int j = canvas.j0(); j <= canvas.j1(); j++) {
            double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
            for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                int idx = j * w + i;
                if (canvas.isUnder(idx, under)) {
                    Tissue t = tissueAt(f, x, y, tissue);
                    if (t != null) {
                        canvas.paint(idx, t.hu(), organ, under);
                    }
                }
            }
        }
    }

    /** The tissue at a point of the band: {@code fill} throughout, or for bone ({@code null}) cortex and marrow. */
    private static Tissue tissueAt(Frame f, double x, double y, Tissue fill) {
        double dx = x - f.cx(), dy = y - f.cy();
        double a = Math.abs(dx) / f.rx(), b = dy / f.ry();
        double p = Harmonics.angle(a, b);
        if (p < f.psiFrom() || p > f.psiTo()) {
            return null;
        }
        double q = Math.sqrt(a * a + b * b);
        double radial = (q - 1) * Math.sqrt(dx * dx + dy * dy) / Math.max(q, 1e-9);
        double half = f.thickness() / 2;
        if (Math.abs(radial) >= half) {
            return null;
        }
        if (fill != null) {
            return fill;
        }
        // ends of the band and its faces are cortex
        double arcToEnd = Math.min(p - f.psiFrom(), f.psiTo() - p) * Math.max(f.rx(), f.ry());
        return Math.abs(radial) > half - 1.5 || arcToEnd < 1.5 ? Tissue.BONE_CORTEX : Tissue.BONE_MARROW;
    }

    @Override
    public double[] extent() {
        double[] e = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, frames.get(0).s(),
            frames.get(frames.size() - 1).s()};
        for (Frame f : frames) {
            double r = Math.max(f.rx(), f.ry()) + f.thickness();
            e[0] = Math.min(e[0], f.cx() - r);
            e[1] = Math.max(e[1], f.cx() + r);
            e[2] = Math.min(e[2], f.cy() - r);
            e[3] = Math.max(e[3], f.cy() + r);
        }
        return e;
    }

    @Override
    public Organ organAt(double x, double y, double s) {
        Frame f = at(s);
        return f != null && tissueAt(f, x, y, tissue) != null ? organ : null;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
