package org.lesionsearch.indexer.synth.lesion;

/** How a patient's disease develops, which sets the odds of each lesion's response pattern. */
public enum PatientCourse {
    RESPONDING, PROGRESSING, STABLE, MIXED
}
