package org.lesionsearch.indexer.dicomweb;

/** An instance as QIDO-RS lists it. */
public record InstanceRef(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid) {

    static InstanceRef of(String studyUid, String seriesUid, DicomJsonObject o) {
        return new InstanceRef(
                o.string(DicomJsonObject.STUDY_INSTANCE_UID).orElse(studyUid),
                o.string(DicomJsonObject.SERIES_INSTANCE_UID).orElse(seriesUid),
                o.requiredUid(DicomJsonObject.SOP_INSTANCE_UID, "SOP Instance UID"),
                o.string(DicomJsonObject.SOP_CLASS_UID).orElse(null));
    }
}
