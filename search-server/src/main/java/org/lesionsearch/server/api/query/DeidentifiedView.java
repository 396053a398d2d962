package org.lesionsearch.server.api.query;

import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/**
 * A lesion as a teaching-file user may see it: patient, study and lesion ids replaced by stable
 * pseudonyms; dates, series, source and thumbnail paths (which can name the patient) left out;
 * ages above 89 shown as 90.
 */
public final class DeidentifiedView {

    static final int MAX_SHOWN_AGE = 90;

    private final Pseudonyms pseudonyms;

    public DeidentifiedView(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    public Lesion of(Lesion lesion) {
        return lesion.toBuilder()
                .id(LesionId.of(pseudonyms.lesion(lesion.id().value())))
                .patientId(pseudonyms.patient(lesion.patientId()))
                .studyId(pseudonyms.study(lesion.patientId(), lesion.studyId()))
                .seriesId(null).studyDate(null).source(null).thumbnail(null)
                .patientAge(lesion.patientAge() == null ? null : Math.min(lesion.patientAge(), MAX_SHOWN_AGE))
                .build();
    }

    public String patient(String patientId) {
        return pseudonyms.patient(patientId);
    }

    public String study(String patientId, String studyId) {
        return pseudonyms.study(patientId, studyId);
    }

    public String lesion(String lesionId) {
        return pseudonyms.lesion(lesionId);
    }
}
