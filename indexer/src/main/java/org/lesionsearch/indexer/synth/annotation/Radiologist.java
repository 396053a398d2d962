package org.lesionsearch.indexer.synth.annotation;

import java.util.SplittableRandom;
import org.lesionsearch.indexer.synth.lesion.LesionShape;
import org.lesionsearch.indexer.synth.lesion.LesionTrack;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/**
 * Measures lesions the way a radiologist bookmarks them: on the slice where the lesion looks
 * largest (now and then its neighbour), with end points placed by hand, so a little off, and
 * once in a while carelessly short.
 */
public final class Radiologist {

    /** Points on a drawn outline used to find its diameters. */
    private static final int OUTLINE_POINTS = 180;

    private final SplittableRandom rnd;

    public Radiologist(SplittableRandom rnd) {
        this.rnd = rnd;
    }

    /** The measurement of a lesion present in a study, or null when no slice cuts it. */
    public Measurement measure(LesionTrack track, StudyPlan study) {
        LesionShape shape = track.design().shape();
        double factor = track.factor(study.index());
        int best = study.nearestSlice(shape.s());
        LesionShape.CrossSection bestSection = shape.sectionAt(study.sliceS(best), factor);
        // a small lesion between thick slices shows only its cap: too little to measure
        if (bestSection == null || bestSection.ra() < 0.6 * shape.a() * factor
                || 2 * bestSection.ra() < LesionTrack.MIN_MEASURABLE_MM) {
            return null;
        }
        int key = best;
        if (rnd.nextDouble() < 0.2) {
            int neighbour = Math.max(1, Math.min(study.sliceCount(), best + (rnd.nextBoolean() ? 1 : -1)));
            LesionShape.CrossSection other = shape.sectionAt(study.sliceS(neighbour), factor);
            if (other != null && other.ra() >= 0.85 * bestSection.ra()) {
                key = neighbour;
            }
        }
        double[][] outline = shape.sectionAt(study.sliceS(key), factor).outline(OUTLINE_POINTS, false);
        double[][] px = new double[outline.length][];
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int k = 0; k < outline.length; k++) {
            px[k] = study.toPixel(outline[k][0], outline[k][1]);
            box[0] = Math.min(box[0], px[k][0]);
            box[1] = Math.min(box[1], px[k][1]);
            box[2] = Math.max(box[2], px[k][0]);
            box[3] = Math.max(box[3], px[k][1]);
        }
        Diameters truth = Diameters.of(px);
        boolean careless = rnd.nextDouble() < 0.02;
        double[] longAxis = byHand(truth.longAxis(), careless);
        double[] shortAxis = byHand(truth.shortAxis(), careless);
        double longLen = Math.hypot(longAxis[2] - longAxis[0], longAxis[3] - longAxis[1]);
        double shortLen = Math.hypot(shortAxis[2] - shortAxis[0], shortAxis[3] - shortAxis[1]);
        if (shortLen > longLen) {
            double[] t = longAxis;
            longAxis = shortAxis;
            shortAxis = t;
        }
        double[] endpoints = {longAxis[0], longAxis[1], longAxis[2], longAxis[3], shortAxis[0], shortAxis[1],
            shortAxis[2], shortAxis[3]};
        return new Measurement(key, endpoints, truth, box, study.pixelSpacing(), careless);
    }

    /**
     * End points as a hand places them: each off along the axis by about half a pixel plus 2.5% of
     * the length, and across it by 0.4 pixel; a careless measurement falls 15 to 30% short.
     */
    private double[] byHand(double[] axis, boolean careless) {
        double len = Math.hypot(axis[2] - axis[0], axis[3] - axis[1]);
        if (len < 1e-9) {
            return axis.clone();
        }
        double ux = (axis[2] - axis[0]) / len, uy = (axis[3] - axis[1]) / len;
        double cx = (axis[0] + axis[2]) / 2, cy = (axis[1] + axis[3]) / 2;
        double scale = careless ? rnd.nextDouble(0.7, 0.85) : 1;
        double along = 0.5 + 0.025 * len;
        double[] out = new double[4];
        for (int end = 0; end < 2; end++) {
            double sign = end == 0 ? -1 : 1;
            double t = sign * len / 2 * scale + along * rnd.nextGaussian();
            double p = 0.4 * rnd.nextGaussian();
            out[2 * end] = cx + ux * t - uy * p;
            out[2 * end + 1] = cy + uy * t + ux * p;
        }
        return out;
    }
}
