package org.lesionsearch.models.ssbr;

/**
 * Maps a slice score to the normalised body z in [0, 1] (head 0) by a line fitted on lesions
 * whose z is known: {@code z = clamp(slope * score + intercept)}.
 */
public record ZCalibration(double slope, double intercept) {

    public ZCalibration {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept) || slope == 0) {
            throw new IllegalArgumentException("z calibration needs a finite non-zero slope and a finite intercept");
        }
    }

    public double z(double score) {
        return Math.clamp(slope * score + intercept, 0.0, 1.0);
    }

    /** Least-squares line through (score, z) pairs. */
    public static ZCalibration fit(double[] scores, double[] zs) {
        if (scores.length != zs.length || scores.length < 2) {
            throw new IllegalArgumentException("z calibration needs at least two (score, z) pairs of equal count");
        }
        double ms = 0;
        double mz = 0;
        for (int i = 0; i < scores.length; i++) {
            ms += scores[i];
            mz += zs[i];
        }
        ms /= scores.length;
        mz /= scores.length;
        double cov = 0;
        double var = 0;
        for (int i = 0; i < scores.length; i++) {
            cov += (scores[i] - ms) * (zs[i] - mz);
            var += (scores[i] - ms) * (scores[i] - ms);
        }
        if (var == 0) {
            throw new IllegalArgumentException("z calibration needs slices with different scores");
        }
        double slope = cov / var;
        return new ZCalibration(slope, mz - slope * ms);
    }
}
