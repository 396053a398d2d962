package org.lesionsearch.indexer.dicomweb;

import java.time.LocalDate;
import java.util.List;

/**
 * A study as QIDO-RS lists it.
 *
 * @param studyDate {@code null} when the PACS has none
 * @param seriesCount Number of Study Related Series, or -1 when the PACS does not say
 */
public record StudyRef(String studyUid, LocalDate studyDate, List<String> modalities, int seriesCount) {

    public StudyRef {
        modalities = List.copyOf(modalities);
    }

    static StudyRef of(DicomJsonObject o) {
        return new StudyRef(
                o.requiredUid(DicomJsonObject.STUDY_INSTANCE_UID, "Study Instance UID"),
                o.date(DicomJsonObject.STUDY_DATE).orElse(null),
                o.strings(DicomJsonObject.MODALITIES_IN_STUDY),
                o.integer(DicomJsonObject.NUMBER_OF_STUDY_RELATED_SERIES).orElse(-1));
    }
}
