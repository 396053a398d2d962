package org.lesionsearch.indexer.synth.lesion;

/**
 * One lesion instance over a patient's studies: its design at reference size, its texture seed,
 * and for each study its size factor (0 where it is absent: not yet there, or gone) and whether
 * the radiologist measured it.
 *
 * @param instanceId stable id of the lesion across studies, e.g. {@code 900001-L03}
 * @param firstStudy the study (from 1) where it first appears; later than 1 for new lesions
 */
public record LesionTrack(String instanceId, LesionFactory.Design design, long textureSeed, ResponsePattern pattern,
                          int firstStudy, double[] factors, boolean[] measured) {

    /** Smallest long axis a radiologist measures, and the smallest the cohort draws as present. */
    public static final double MIN_MEASURABLE_MM = 3;

    public LesionTrack {
        factors = factors.clone();
        measured = measured.clone();
    }

    /** Size factor in a study (from 1). */
    public double factor(int study) {
        return factors[study - 1];
    }

    /** Nominal long axis in a study (2a of the shape times the factor), 0 where absent. */
    public double nominalLongAxisMm(int study) {
        return 2 * design.shape().a() * design.shape().maxBoundary() * factor(study);
    }

    public boolean present(int study) {
        return factor(study) > 0;
    }

    public boolean measured(int study) {
        return measured[study - 1];
    }

    /** Whether the lesion was present before this study (for "new" and "unchanged" wording). */
    public boolean seenBefore(int study) {
        for (int k = 1; k < study; k++) {
            if (present(k)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double[] factors() {
        return factors.clone();
    }

    @Override
    public boolean[] measured() {
        return measured.clone();
    }
}
