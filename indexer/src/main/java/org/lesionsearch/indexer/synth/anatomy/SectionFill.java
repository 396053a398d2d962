package org.lesionsearch.indexer.synth.anatomy;

/** Fills one cross-section into a canvas: its tissue, with an optional rim of another tissue. */
final class SectionFill {

    private SectionFill() {
    }

    static void fill(SliceCanvas canvas, Section sec, Organ organ, Tissue inner, double rimMm, Tissue rim, long under) {
        double reach = sec.reach();
        if (!canvas.bound(sec.cx() - reach, sec.cy() - reach, sec.cx() + reach, sec.cy() + reach)) {
            return;
        }
        int w = canvas.width();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        for (int j = canvas.j0(); j <= canvas.j1(); j++) {
            double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
            for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                int idx = j * w + i;
                if (!canvas.isUnder(idx, under)) {
                    continue;
                }
                double q = sec.q(x, y);
                if (q < 1) {
                    boolean onRim = rimMm > 0 && sec.depth(x, y, q) < rimMm;
                    canvas.paint(idx, onRim ? rim.hu() : inner.hu(), organ, under);
                }
            }
        }
    }
}
