package org.lesionsearch.indexer.synth.study;

import org.lesionsearch.indexer.synth.anatomy.Organ;
import org.lesionsearch.indexer.synth.anatomy.SliceCanvas;

/** The scanner table under the patient: two thin curved shells, fixed in the scanner frame. */
public final class Couch {

    private static final double CURVE = 0.0006; // mm of rise per mm squared off the centre line
    private static final float HU = 260;

    private Couch() {
    }

    /** Paints the table whose top touches scanner y {@code topY}, only where the slice shows air. */
    public static void paint(SliceCanvas canvas, double topY) {
        float[] hu = canvas.hu();
        byte[] organs = canvas.organ();
        long air = Organ.mask(Organ.OUTSIDE);
        for (int j = 0; j < canvas.height(); j++) {
            double y = canvas.scannerY(j);
            if (y < topY - 40) {
                continue;
            }
            int row = j * canvas.width();
            for (int i = 0; i < canvas.width(); i++) {
                double x = canvas.scannerX(i);
                double d = y - (topY + 3 - CURVE * x * x);
                boolean shell = (d >= 0 && d < 2.2) || (d >= 24 && d < 26);
                if (shell && canvas.isUnder(row + i, air)) {
                    hu[row + i] = HU;
                    organs[row + i] = Organ.TABLE.code();
                }
            }
        }
    }
}
