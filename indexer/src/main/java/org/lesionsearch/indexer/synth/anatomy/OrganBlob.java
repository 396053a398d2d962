package org.lesionsearch.indexer.synth.anatomy;

/**
 * A solid organ or body region: a keyframed shape filled with one tissue, optionally with an
 * outer rim of another tissue (cortex, wall) and air above a level (stomach, bladder gas).
 *
 * @param rimMm thickness of the rim, 0 for none
 * @param airLevel air fills the part of the lumen in front of {@code cy - airLevel * ry}; NaN for none
 */
public record OrganBlob(KeyframedShape shape, Organ organ, Tissue tissue, double rimMm, Tissue rimTissue,
                        double airLevel, long under) implements Structure {

    public static OrganBlob solid(KeyframedShape shape, Organ organ, Tissue tissue, long under) {
        return new OrganBlob(shape, organ, tissue, 0, tissue, Double.NaN, under);
    }

    public static OrganBlob rimmed(KeyframedShape shape, Organ organ, Tissue tissue, double rimMm, Tissue rim,
                                   long under) {
        return new OrganBlob(shape, organ, tissue, rimMm, rim, Double.NaN, under);
    }

    @Override
    public void paint(SliceCanvas canvas) {
        Section sec = shape.sectionAt(canvas.s());
        if (sec == null) {
            return;
        }
        double reach = sec.reach();
        if (!canvas.bound(sec.cx() - reach, sec.cy() - reach, sec.cx() + reach, sec.cy() + reach)) {
            return;
        }
        int w = canvas.width();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        boolean hasAir = !Double.isNaN(airLevel);
        double airY = sec.cy() - airLevel * sec.ry();
        for (int j = canvas.j0(); j <= canvas.j1(); j++) {
            double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
            for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                int idx = j * w + i;
                if (!canvas.isUnder(idx, under)) {
                    continue;
                }
                double q = sec.q(x, y);
                if (q >= 1) {
                    continue;
                }
                float value = tissue.hu();
                if (rimMm > 0 && sec.depth(x, y, q) < rimMm) {
                    value = rimTissue.hu();
                } else if (hasAir && y < airY) {
                    value = Tissue.AIR.hu();
                }
                canvas.paint(idx, value, organ, under);
            }
        }
    }

    @Override
    public double[] extent() {
        return shape.extent();
    }

    @Override
    public Organ organAt(double x, double y, double s) {
        return shape.contains(x, y, s) ? organ : null;
    }
}
