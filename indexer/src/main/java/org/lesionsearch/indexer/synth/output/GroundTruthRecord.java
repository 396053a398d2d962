package org.lesionsearch.indexer.synth.output;

import java.util.List;

/**
 * The truth about one measured lesion of the synthetic cohort, one line of
 * {@code ground_truth.jsonl}: which lesion instance it is (the same {@code instanceId} in every
 * study of a patient), its true labels, location and size beside what the radiologist measured,
 * and the report sentence with its distractors.
 *
 * @param lesionId the id a DeepLesion reader gives the row: {@code <file name without .png>_<n>}
 * @param instanceId the lesion across studies, e.g. {@code 900001-L03}; same id, same lesion
 * @param labels the lesion's labels as its sentence states them
 * @param expandedLabels the labels with all their ontology parents
 * @param distractors labels the sentence mentions that are not the lesion's, with why
 * @param trueLocation normalised x, y, z of the lesion's centre (x, y relative to the body in the key slice)
 * @param measuredLocation normalised x, y, z as written to {@code DL_info.csv}
 * @param bodyPositionMm centre in the patient's own frame (x left, y back, s down from the lung apex)
 * @param scannerPositionMm centre in scanner (DICOM patient) coordinates of this study
 * @param recistPx measured end points on the key slice, DeepLesion order
 * @param trueRecistPx the drawn lesion's long and short diameters on the key slice
 * @param change how the radiologist saw it against the previous study: FIRST_SEEN, NEW, LARGER, SMALLER, UNCHANGED
 * @param sizeFactor the lesion's size in this study relative to its first appearance
 * @param sliceRange first and last slice written around the key slice without a gap
 * @param window the reading window {@code low, high} in HU
 */
public record GroundTruthRecord(
        String lesionId, String fileName, String instanceId, int patientIndex, int studyIndex, int seriesId,
        int keySlice, String studyDate, int patientAge, String sex, int split, String kind, int coarseType,
        String coarseTypeName, String host, String bodyPart, List<String> labels, List<String> expandedLabels,
        List<Distractor> distractors, String sentence, double[] trueLocation, double[] measuredLocation,
        double[] bodyPositionMm, double[] scannerPositionMm, double trueLongAxisMm, double trueShortAxisMm,
        double measuredLongAxisMm, double measuredShortAxisMm, double[] recistPx, double[] trueRecistPx,
        double[] boxPx, double[] trueBoxPx, String responsePattern, String change, double sizeFactor,
        boolean newLesion, boolean possiblyNoisy, double[] spacingMm, int[] sliceRange, double[] window,
        String studyInstanceUid,
        String seriesInstanceUid, String sopInstanceUid) {

    /** A label mentioned in the sentence that is not the lesion's: NEGATED, UNCERTAIN or NEIGHBOURING. */
    public record Distractor(String label, String relation, String words) {
    }

    public GroundTruthRecord {
        labels = List.copyOf(labels);
        expandedLabels = List.copyOf(expandedLabels);
        distractors = List.copyOf(distractors);
    }
}
