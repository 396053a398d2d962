package org.lesionsearch.core.tracking;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's lesions linked into tracks, with RECIST 1.1 at every study.
 *
 * @param studies the patient's studies in chronological order (the first is the baseline)
 * @param tracks tracks in order of first appearance
 * @param assessments one per study, baseline first
 */
public record PatientTracks(String patientId, List<Study> studies, List<Track> tracks,
        List<ResponseAssessment> assessments) {

    public PatientTracks {
        studies = List.copyOf(studies);
        tracks = List.copyOf(tracks);
        assessments = List.copyOf(assessments);
    }

    public record Study(String studyId, LocalDate date, int lesions) {
    }
}
