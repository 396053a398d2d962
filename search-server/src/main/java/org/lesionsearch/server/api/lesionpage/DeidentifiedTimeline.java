package org.lesionsearch.server.api.lesionpage;

import org.lesionsearch.core.tracking.PatientTracks;
import org.lesionsearch.server.api.matching.TracksAnswer;
import org.lesionsearch.server.api.query.DeidentifiedView;

/**
 * A patient's tracks as a teaching-file user may see them: patient, study and lesion ids as
 * pseudonyms and no dates; the order of the studies, the diameters and the RECIST response stay.
 */
final class DeidentifiedTimeline {

    private DeidentifiedTimeline() {
    }

    static TracksAnswer of(TracksAnswer t, DeidentifiedView view) {
        String patient = t.patientId();
        return new TracksAnswer(view.patient(patient),
                t.studies().stream().map(s -> new PatientTracks.Study(view.study(patient, s.studyId()), null, s.lesions())).toList(),
                t.tracks().stream().map(track -> new TracksAnswer.TrackView(track.id(), track.target(), track.lymphNode(),
                        track.points().stream().map(p -> new TracksAnswer.Point(view.study(patient, p.studyId()), null,
                                view.lesion(p.lesionId()), p.diameterMm(), p.longAxisMm(), p.linkProbability())).toList()))
                        .toList(),
                t.assessments().stream().map(a -> new TracksAnswer.Assessment(view.study(patient, a.studyId()), null,
                        a.sumOfDiametersMm(), a.changeFromBaseline(), a.changeFromNadir(), a.response(),
                        a.newLesions().stream().map(view::lesion).toList(), a.reason())).toList());
    }
}
