package org.lesionsearch.indexer.synth.anatomy;

import java.util.ArrayList;
import java.util.List;

/**
 * The vertebral column from the lower neck to L5: vertebral bodies (cortex and marrow) with
 * discs between them, the posterior arch with spinous and transverse processes, and the spinal
 * canal with the cord.
 *
 * @param levels the vertebrae, head first
 * @param path centre of the vertebral bodies, {@code {s, y}} pairs head first (x is 0)
 * @param cordEndS where the cord ends (below it the canal holds only fluid)
 */
public record Spine(List<Level> levels, List<double[]> path, double cordEndS, long under) implements Structure {

    /** One vertebra: name ("T9"), body from {@code top} to {@code bottom}, disc below it, radii. */
    public record Level(String name, double top, double bottom, double discBelow, double rx, double ry,
                        double canalRadius, boolean lumbar) {
    }

    public Spine {
        levels = List.copyOf(levels);
        path = List.copyOf(path);
    }

    /** The vertebra whose body or disc below holds height s, or null above and below the column. */
    public Level levelAt(double s) {
        for (Level l : levels) {
            if (s >= l.top() && s < l.bottom() + l.discBelow()) {
                return l;
            }
        }
        return null;
    }

    public double centreY(double s) {
        if (s <= path.get(0)[0]) {
            return path.get(0)[1];
        }
        for (int k = 1; k < path.size(); k++) {
            double[] a = path.get(k - 1), b = path.get(k);
            if (s <= b[0]) {
                return a[1] + (b[1] - a[1]) * (s - a[0]) / (b[0] - a[0]);
            }
        }
        return path.get(path.size() - 1)[1];
    }

    /** The parts at a height, in painting order, each with its organ, tissue and cortex rim. */
    private List<Part> partsAt(double s) {
        Level l = levelAt(s);
        if (l == null) {
            return List.of();
        }
        double cy = centreY(s);
        boolean disc = s >= l.bottom();
        double canalY = cy + l.ry() + l.canalRadius() + 1.5;
        List<Part> parts = new ArrayList<>();
        if (!disc) {
            parts.add(new Part(new Section(0, canalY, l.canalRadius() + 5, l.canalRadius() + 5, 0, Harmonics.NONE),
                    Organ.VERTEBRA, Tissue.BONE_MARROW, 1.5));
            parts.add(new Part(new Section(0, canalY + l.canalRadius() + 11, 3.5, 10, 0, Harmonics.NONE),
                    Organ.VERTEBRA, Tissue.BONE_MARROW, 1.5));
            double tx = l.canalRadius() + (l.lumbar() ? 16 : 12);
            double tr = l.lumbar() ? 13 : 11;
            for (int side = -1; side <= 1; side += 2) {
                parts.add(new Part(new Section(side * tx, canalY - 2, tr, 4.5, side * 0.25, Harmonics.NONE),
                        Organ.VERTEBRA, Tissue.BONE_MARROW, 1.5));
            }
            parts.add(new Part(new Section(0, cy, l.rx(), l.ry(), 0, Harmonics.NONE), Organ.VERTEBRA,
                    Tissue.BONE_MARROW, 1.5));
        } else {
            parts.add(new Part(new Section(0, cy, l.rx() + 1, l.ry() + 1, 0, Harmonics.NONE), Organ.VERTEBRA,
                    Tissue.DISC, 0));
        }
        parts.add(new Part(new Section(0, canalY, l.canalRadius(), l.canalRadius(), 0, Harmonics.NONE),
                Organ.SPINAL_CANAL, Tissue.CSF, 0));
        if (s < cordEndS) {
            parts.add(new Part(new Section(0, canalY, 4.5, 4.0, 0, Harmonics.NONE), Organ.SPINAL_CANAL,
                    Tissue.SPINAL_CORD, 0));
        }
        return parts;
    }

    private record Part(Section section, Organ organ, Tissue tissue, double rimMm) {
    }

    @Override
    public void paint(SliceCanvas canvas) {
        for (Part p : partsAt(canvas.s())) {
            SectionFill.fill(canvas, p.section(), p.organ(), p.tissue(), p.rimMm(), Tissue.BONE_CORTEX, under);
        }
    }

    @Override
    public double[] extent() {
        double[] e = {-60, 60, Double.MAX_VALUE, -Double.MAX_VALUE, levels.get(0).top(),
            levels.get(levels.size() - 1).bottom()};
        for (double[] p : path) {
            e[2] = Math.min(e[2], p[1] - 30);
            e[3] = Math.max(e[3], p[1] + 60);
        }
        return e;
    }

    @Override
    public Organ organAt(double x, double y, double s) {
        Organ found = null;
        for (Part p : partsAt(s)) {
            if (p.section().contains(x, y)) {
                found = p.organ();
            }
        }
        return found;
    }
}
