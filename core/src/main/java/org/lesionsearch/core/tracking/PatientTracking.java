package org.lesionsearch.core.tracking;

import java.util.List;
import java.util.NoSuchElementException;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/** Within-patient matching and tracks over the lesions of an index. Thread-safe. */
public final class PatientTracking {

    private final LesionIndex index;
    private final LesionMatcher matcher;
    private final TrackBuilder tracks;

    public PatientTracking(LesionIndex index, MatchModel model) {
        this.index = index;
        this.matcher = new LesionMatcher(model);
        this.tracks = new TrackBuilder(matcher, new RecistAssessor());
    }

    /**
     * The lesion and its candidates in every other study of its patient.
     *
     * @throws NoSuchElementException when the lesion does not exist
     */
    public LesionMatches matches(LesionId id) {
        Lesion lesion = index.get(id).orElseThrow(() -> new NoSuchElementException("no lesion with id " + id));
        return new LesionMatches(lesion, matcher.matches(lesion, index.listByPatient(lesion.patientId())));
    }

    /**
     * The patient's tracks and RECIST assessments.
     *
     * @throws NoSuchElementException when the index holds no lesion of this patient
     */
    public PatientTracks tracks(String patientId) {
        List<Lesion> lesions = index.listByPatient(patientId);
        if (lesions.isEmpty()) {
            throw new NoSuchElementException("no lesions of patient " + patientId);
        }
        return tracks.build(patientId, lesions);
    }

    /** A lesion with its candidates per other study, chronologically. */
    public record LesionMatches(Lesion lesion, List<StudyMatches> studies) {
        public LesionMatches {
            studies = List.copyOf(studies);
        }
    }
}
