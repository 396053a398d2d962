package org.lesionsearch.indexer.dicomweb;

/**
 * A series as QIDO-RS lists it.
 *
 * @param modality {@code null} when the PACS did not return it
 * @param instanceCount Number of Series Related Instances, or -1 when the PACS does not say
 */
public record SeriesRef(String studyUid, String seriesUid, String modality, int instanceCount) {

    static SeriesRef of(String studyUid, DicomJsonObject o) {
        return new SeriesRef(
                o.string(DicomJsonObject.STUDY_INSTANCE_UID).orElse(studyUid),
                o.requiredUid(DicomJsonObject.SERIES_INSTANCE_UID, "Series Instance UID"),
                o.string(DicomJsonObject.MODALITY).orElse(null),
                o.integer(DicomJsonObject.NUMBER_OF_SERIES_RELATED_INSTANCES).orElse(-1));
    }
}
