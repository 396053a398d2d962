package org.lesionsearch.indexer.synth.anatomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A 3D shape given by elliptic cross-sections at a few heights ({@code s}), interpolated in
 * between: how the phantom describes organs that change shape from top to bottom.
 */
public final class KeyframedShape {

    /** One cross-section: centre, radii and in-plane angle at height {@code s}. */
    public record Keyframe(double s, double cx, double cy, double rx, double ry, double angle) {
        public Keyframe(double s, double cx, double cy, double rx, double ry) {
            this(s, cx, cy, rx, ry, 0);
        }
    }

    private final List<Keyframe> frames;
    private final Harmonics harmonics;
    private final double backCut;

    public KeyframedShape(List<Keyframe> frames, Harmonics harmonics) {
        this(frames, harmonics, Double.POSITIVE_INFINITY);
    }

    /** @param backCut cross-sections are cut flat behind {@code cy + backCut * ry} */
    public KeyframedShape(List<Keyframe> frames, Harmonics harmonics, double backCut) {
        if (frames.size() < 2) {
            throw new IllegalArgumentException("a keyframed shape needs at least two keyframes");
        }
        List<Keyframe> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble(Keyframe::s));
        this.frames = List.copyOf(sorted);
        this.harmonics = harmonics;
        this.backCut = backCut;
    }

    /** An ellipsoid with semi-axes {@code rx, ry, rs}, as 13 keyframes. */
    public static KeyframedShape ellipsoid(double cx, double cy, double cs, double rx, double ry, double rs,
                                           double angle, Harmonics harmonics) {
        List<Keyframe> frames = new ArrayList<>();
        int n = 6;
        for (int k = -n; k <= n; k++) {
            double t = k / (double) n;
            double f = Math.sqrt(Math.max(0, 1 - t * t));
            f = Math.max(f, 0.05);
            frames.add(new Keyframe(cs + t * rs, cx, cy, rx * f, ry * f, angle));
        }
        return new KeyframedShape(frames, harmonics);
    }

    public double top() {
        return frames.get(0).s();
    }

    public double bottom() {
        return frames.get(frames.size() - 1).s();
    }

    /** The cross-section at height {@code s}, or {@code null} outside the shape's extent. */
    public Section sectionAt(double s) {
        if (s < top() || s > bottom()) {
            return null;
        }
        int k = 1;
        while (k < frames.size() - 1 && frames.get(k).s() < s) {
            k++;
        }
        Keyframe a = frames.get(k - 1), b = frames.get(k);
        double t = b.s() == a.s() ? 0 : (s - a.s()) / (b.s() - a.s());
        return new Section(lerp(a.cx(), b.cx(), t), lerp(a.cy(), b.cy(), t), lerp(a.rx(), b.rx(), t),
                lerp(a.ry(), b.ry(), t), lerp(a.angle(), b.angle(), t), harmonics, backCut);
    }

    public boolean contains(double x, double y, double s) {
        Section section = sectionAt(s);
        return section != null && section.contains(x, y);
    }

    /** Body-frame box holding the shape: {@code {minX, maxX, minY, maxY, minS, maxS}}. */
    public double[] extent() {
        double[] e = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, top(), bottom()};
        double grow = 1 + harmonics.spread();
        for (Keyframe f : frames) {
            double r = Math.max(f.rx(), f.ry()) * grow;
            e[0] = Math.min(e[0], f.cx() - r);
            e[1] = Math.max(e[1], f.cx() + r);
            e[2] = Math.min(e[2], f.cy() - r);
            e[3] = Math.max(e[3], f.cy() + r);
        }
        return e;
    }

    public List<Keyframe> frames() {
        return frames;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
