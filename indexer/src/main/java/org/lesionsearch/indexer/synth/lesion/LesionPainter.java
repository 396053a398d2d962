package org.lesionsearch.indexer.synth.lesion;

import org.lesionsearch.indexer.synth.anatomy.Mottle;
import org.lesionsearch.indexer.synth.anatomy.SliceCanvas;
import org.lesionsearch.indexer.synth.anatomy.Tissue;

/** Paints a lesion's cross-section over the anatomy already in a canvas, and marks its pixels. */
public final class LesionPainter {

    private LesionPainter() {
    }

    /**
     * @param factor the lesion's size in this study relative to its shape
     * @param id written into the canvas's lesion map where the lesion covers a pixel
     * @return whether any pixel was painted
     */
    public static boolean paint(SliceCanvas canvas, LesionShape shape, double factor, Appearance look, Mottle texture,
                                short id) {
        LesionShape.CrossSection cs = shape.sectionAt(canvas.s(), factor);
        if (cs == null) {
            return false;
        }
        double reach = cs.reach() + 2 * look.edgeMm();
        if (!canvas.bound(shape.x() - reach, shape.y() - reach, shape.x() + reach, shape.y() + reach)) {
            return false;
        }
        float[] hu = canvas.hu();
        short[] lesions = canvas.lesion();
        int w = canvas.width();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        boolean painted = false;
        for (int j = canvas.j0(); j <= canvas.j1(); j++) {
            double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
            for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                double u = cs.u(x, y);
                double r = Math.hypot(x - shape.x(), y - shape.y());
                double depth = u < 1e-6 ? cs.rb() : (1 - u) * r / u;
                double alpha = Math.max(0, Math.min(1, depth / look.edgeMm() + 0.5));
                if (alpha <= 0) {
                    continue;
                }
                int idx = j * w + i;
                double value = valueAt(look, texture, u, x, y, canvas.s());
                double a = alpha * look.opacity();
                hu[idx] = (float) (hu[idx] * (1 - a) + value * a);
                if (u < 1) {
                    lesions[idx] = id;
                    painted = true;
                }
            }
        }
        return painted;
    }

    private static double valueAt(Appearance look, Mottle texture, double u, double x, double y, double s) {
        double m = texture.at(x, y, s);
        if (look.cavityFraction() > 0 && u < look.cavityFraction() * (1 + 0.25 * m)) {
            return Tissue.AIR.hu();
        }
        if (look.calcification() >= 1) {
            return look.calcificationHu() + 60 * m;
        }
        if (look.calcification() > 0 && u < look.calcification() * (1 + 0.3 * m)) {
            return look.calcificationHu();
        }
        if (look.coreFraction() > 0 && u < look.coreFraction() * (1 + 0.3 * m)) {
            return look.coreHu() + 0.5 * look.textureHu() * m;
        }
        if (look.rimFraction() > 0 && u > 1 - look.rimFraction()) {
            return look.rimHu() + 0.5 * look.textureHu() * m;
        }
        return look.baseHu() + look.textureHu() * m;
    }
}
