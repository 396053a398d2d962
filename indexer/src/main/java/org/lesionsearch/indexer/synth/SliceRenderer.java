package org.lesionsearch.indexer.synth;

import java.util.List;
import org.lesionsearch.indexer.synth.anatomy.Mottle;
import org.lesionsearch.indexer.synth.anatomy.Organ;
import org.lesionsearch.indexer.synth.anatomy.SliceCanvas;
import org.lesionsearch.indexer.synth.lesion.LesionPainter;
import org.lesionsearch.indexer.synth.lesion.LesionTrack;
import org.lesionsearch.indexer.synth.study.Couch;
import org.lesionsearch.indexer.synth.study.CtNoise;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/**
 * Renders slices of a patient's studies: anatomy, table, the lesions present in the study, then
 * CT noise. One renderer per thread; it keeps the noise-free organ and lesion maps of the last
 * slice for annotation and checks.
 */
public final class SliceRenderer {

    /** Stored HU range: air floor as scanners write it, and the top of a 12-bit range. */
    public static final int MIN_HU = -1024;
    public static final int MAX_HU = 3071;

    private final SliceCanvas canvas;
    private final float[] scratch;

    public SliceRenderer(int width, int height) {
        this.canvas = new SliceCanvas(width, height);
        this.scratch = new float[width * height];
    }

    /** Places the canvas on a slice of a study and paints it without noise. */
    public SliceCanvas paint(PatientPlan patient, StudyPlan study, int slice) {
        canvas.place(study.sliceS(slice), study.thickness(), study.pixelSpacing(), study.originX(), study.originY(),
                study.pose().tx(), study.pose().ty(), study.pose().yaw());
        canvas.clear();
        patient.anatomy().paint(canvas);
        Couch.paint(canvas, study.pose().ty() + patient.anatomy().maxBackY());
        List<LesionTrack> tracks = patient.tracks();
        for (int k = 0; k < tracks.size(); k++) {
            LesionTrack t = tracks.get(k);
            if (t.present(study.index())) {
                LesionPainter.paint(canvas, t.design().shape(), t.factor(study.index()), t.design().look(),
                        new Mottle(t.textureSeed(), 2.5), (short) (k + 1));
            }
        }
        return canvas;
    }

    /** The slice as stored: painted, with noise, rounded and clamped to the CT range. */
    public short[] render(PatientPlan patient, StudyPlan study, int slice) {
        paint(patient, study, slice);
        float[] hu = canvas.hu().clone();
        CtNoise.apply(hu, scratch, canvas.width(), canvas.height(), study.noiseSigma(),
                patient.seed().derive("noise", study.index(), slice).random());
        short[] out = new short[hu.length];
        for (int i = 0; i < hu.length; i++) {
            out[i] = (short) Math.max(MIN_HU, Math.min(MAX_HU, Math.round(hu[i])));
        }
        return out;
    }

    /** The canvas of the last slice painted: noise-free HU, organ and lesion maps. */
    public SliceCanvas canvas() {
        return canvas;
    }

    /** Pixel box of the body in the last slice painted, {@code {minI, minJ, maxI, maxJ}}, or null if none. */
    public int[] bodyBox() {
        byte[] organs = canvas.organ();
        byte outside = Organ.OUTSIDE.code(), table = Organ.TABLE.code();
        int minI = Integer.MAX_VALUE, minJ = Integer.MAX_VALUE, maxI = -1, maxJ = -1;
        int w = canvas.width();
        for (int idx = 0; idx < organs.length; idx++) {
            if (organs[idx] != outside && organs[idx] != table) {
                int i = idx % w, j = idx / w;
                minI = Math.min(minI, i);
                maxI = Math.max(maxI, i);
                minJ = Math.min(minJ, j);
                maxJ = Math.max(maxJ, j);
            }
        }
        return maxI < 0 ? null : new int[] {minI, minJ, maxI, maxJ};
    }
}
