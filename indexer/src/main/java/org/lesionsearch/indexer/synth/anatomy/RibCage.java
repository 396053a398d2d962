package org.lesionsearch.indexer.synth.anatomy;

import java.util.List;

/**
 * The ribs: each runs from beside the spine around the chest and down to the front, so an axial
 * slice cuts it obliquely into an elongated arc on the cage outline. The front ends are costal
 * cartilage.
 *
 * @param cage the outline the ribs' centre lines lie on
 */
public record RibCage(KeyframedShape cage, List<Rib> ribs, long under) implements Structure {

    /**
     * One rib. Angles are the cage ellipse's parametric angle, 0 at the back, pi at the front.
     *
     * @param side -1 right, +1 left
     * @param s0 height where it leaves the spine
     * @param drop how far it descends from back to front end
     */
    public record Rib(int side, double s0, double drop, double psiStart, double psiEnd, double cartilageFrom,
                      double heightMm, double thicknessMm) {

        /** Height of the centre line at parameter u along the rib (0 back, 1 front): steeper towards the front. */
        public double sAt(double u) {
            return s0 + drop * (0.85 * u + 0.15 * u * u);
        }

        /** Parameter along the rib where its centre line reaches height s. */
        public double uAt(double s) {
            double v = (s - s0) / drop;
            return (-0.85 + Math.sqrt(Math.max(0, 0.7225 + 0.6 * v))) / 0.3;
        }

        public double psi(double u) {
            return psiStart + u * (psiEnd - psiStart);
        }
    }

    public RibCage {
        ribs = List.copyOf(ribs);
    }

    @Override
    public void paint(SliceCanvas canvas) {
        double s = canvas.s();
        Section sec = cage.sectionAt(s);
        if (sec == null) {
            return;
        }
        int w = canvas.width();
        double dxi = canvas.dxPerColumn(), dyi = canvas.dyPerColumn();
        for (Rib rib : ribs) {
            double[] psi = psiRange(rib, s);
            if (psi == null) {
                continue;
            }
            double half = rib.thicknessMm() / 2 + 1;
            double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int k = 0; k <= 6; k++) {
                double p = psi[0] + (psi[1] - psi[0]) * k / 6;
                double x = sec.cx() + rib.side() * sec.rx() * Math.sin(p), y = sec.cy() + sec.ry() * Math.cos(p);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
            if (!canvas.bound(minX - half, minY - half, maxX + half, maxY + half)) {
                continue;
            }
            for (int j = canvas.j0(); j <= canvas.j1(); j++) {
                double x = canvas.bodyX(canvas.i0(), j), y = canvas.bodyY(canvas.i0(), j);
                for (int i = canvas.i0(); i <= canvas.i1(); i++, x += dxi, y += dyi) {
                    int idx = j * w + i;
                    if (canvas.isUnder(idx, under)) {
                        Tissue t = tissueAt(sec, rib, psi, x, y);
                        if (t != null) {
                            canvas.paint(idx, t.hu(), Organ.RIB, under);
                        }
                    }
                }
            }
        }
    }

    private static double[] psiRange(Rib rib, double s) {
        double u0 = Math.max(0, rib.uAt(s - rib.heightMm() / 2));
        double u1 = Math.min(1, rib.uAt(s + rib.heightMm() / 2));
        if (u0 > u1 || s + rib.heightMm() / 2 < rib.s0()) {
            return null;
        }
        return new double[] {rib.psi(u0), rib.psi(u1)};
    }

    private static Tissue tissueAt(Section sec, Rib rib, double[] psi, double x, double y) {
        double dx = x - sec.cx(), dy = y - sec.cy();
        if (dx * rib.side() <= 0) {
            return null;
        }
        double a = Math.abs(dx) / sec.rx(), b = dy / sec.ry();
        double p = Harmonics.angle(a, b);
        if (p < psi[0] || p > psi[1]) {
            return null;
        }
        double q = Math.sqrt(a * a + b * b);
        double radial = (q - 1) * Math.sqrt(dx * dx + dy * dy) / q;
        double half = rib.thicknessMm() / 2;
        if (Math.abs(radial) >= half) {
            return null;
        }
        if (p > rib.cartilageFrom()) {
            return Tissue.CARTILAGE;
        }
        return Math.abs(radial) > half - 1.4 ? Tissue.BONE_CORTEX : Tissue.BONE_MARROW;
    }

    @Override
    public double[] extent() {
        double[] e = cage.extent();
        e[0] -= 10;
        e[1] += 10;
        e[2] -= 10;
        e[3] += 10;
        return e;
    }

    @Override
    public Organ organAt(double x, double y, double s) {
        Section sec = cage.sectionAt(s);
        if (sec == null) {
            return null;
        }
        for (Rib rib : ribs) {
            double[] psi = psiRange(rib, s);
            if (psi != null && tissueAt(sec, rib, psi, x, y) != null) {
                return Organ.RIB;
            }
        }
        return null;
    }
}
