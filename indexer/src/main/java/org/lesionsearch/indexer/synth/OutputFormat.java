package org.lesionsearch.indexer.synth;

/** The folder layout the cohort is written in. */
public enum OutputFormat {
    /** {@code Images_png/<patient>_<study>_<series>/<slice>.png} and {@code DL_info.csv}. */
    DEEPLESION,
    /** CT Image Storage series and a {@code measurements.csv} sidecar. */
    DICOM
}
