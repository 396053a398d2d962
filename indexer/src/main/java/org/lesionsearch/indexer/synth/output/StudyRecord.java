package org.lesionsearch.indexer.synth.output;

import java.util.List;

/**
 * One study of the synthetic cohort, one line of {@code studies.jsonl}: how it was acquired and
 * the state of every lesion instance of the patient at that time, measured or not.
 *
 * @param pose how the patient lay: {@code tx, ty, tz} in mm and yaw in degrees
 * @param slicesWritten the slice numbers written for this study
 */
public record StudyRecord(int patientIndex, int studyIndex, int seriesId, String studyDate, int patientAge,
                          String sex, int split, String course, double pixelSpacingMm, double sliceThicknessMm,
                          int sliceCount, double[] pose, double noiseSigmaHu, List<Integer> slicesWritten,
                          List<LesionState> lesions, String studyInstanceUid, String seriesInstanceUid) {

    /** A lesion instance in this study: present (size factor above 0), measured, its nominal long axis. */
    public record LesionState(String instanceId, String kind, boolean present, boolean measured, double sizeFactor,
                              double nominalLongAxisMm) {
    }

    public StudyRecord {
        slicesWritten = List.copyOf(slicesWritten);
        lesions = List.copyOf(lesions);
    }
}
