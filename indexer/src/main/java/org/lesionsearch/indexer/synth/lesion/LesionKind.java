package org.lesionsearch.indexer.synth.lesion;

import org.lesionsearch.core.lesion.CoarseType;

/**
 * The kinds of lesion the cohort holds, each with its DeepLesion coarse type, how often it
 * occurs (from the coarse-type counts of DeepLesion's validation split) and its size
 * distribution (log-normal long axis, median and spread, in mm).
 */
public enum LesionKind {
    LUNG_NODULE(CoarseType.LUNG, 26, 12.5, 0.62),
    LIVER_LESION(CoarseType.LIVER, 12, 24, 0.6),
    KIDNEY_LESION(CoarseType.KIDNEY, 5, 24, 0.55),
    SPLEEN_LESION(CoarseType.ABDOMEN, 2, 17, 0.5),
    PANCREAS_LESION(CoarseType.ABDOMEN, 2, 24, 0.4),
    ABDOMINAL_NODE(CoarseType.ABDOMEN, 16, 22, 0.45),
    MEDIASTINAL_NODE(CoarseType.MEDIASTINUM, 15, 19, 0.42),
    MEDIASTINAL_MASS(CoarseType.MEDIASTINUM, 2, 42, 0.35),
    PELVIC_NODE(CoarseType.PELVIS, 7, 24, 0.45),
    PELVIC_MASS(CoarseType.PELVIS, 2, 42, 0.4),
    SOFT_TISSUE_LESION(CoarseType.SOFT_TISSUE, 7, 22, 0.5),
    BONE_LESION(CoarseType.BONE, 3, 16, 0.5);

    private final CoarseType coarseType;
    private final double weight;
    private final double medianMm;
    private final double logSpread;

    LesionKind(CoarseType coarseType, double weight, double medianMm, double logSpread) {
        this.coarseType = coarseType;
        this.weight = weight;
        this.medianMm = medianMm;
        this.logSpread = logSpread;
    }

    public CoarseType coarseType() {
        return coarseType;
    }

    /** Relative frequency. */
    public double weight() {
        return weight;
    }

    public double medianMm() {
        return medianMm;
    }

    public double logSpread() {
        return logSpread;
    }

    public boolean isNode() {
        return this == ABDOMINAL_NODE || this == MEDIASTINAL_NODE || this == PELVIC_NODE;
    }
}
