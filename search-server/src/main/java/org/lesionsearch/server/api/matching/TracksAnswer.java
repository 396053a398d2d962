package org.lesionsearch.server.api.matching;

import java.time.LocalDate;
import java.util.List;
import org.lesionsearch.core.tracking.PatientTracks;
import org.lesionsearch.core.tracking.RecistResponse;
import org.lesionsearch.core.tracking.ResponseAssessment;
import org.lesionsearch.core.tracking.Track;
import org.lesionsearch.core.tracking.TrackPoint;

/**
 * The answer to {@code GET /api/patients/{pid}/tracks}.
 *
 * @param studies the patient's studies, chronologically; the first is the RECIST baseline
 * @param tracks lesion instances over time, in order of first appearance
 * @param assessments RECIST 1.1 per study
 */
public record TracksAnswer(String patientId, List<PatientTracks.Study> studies, List<TrackView> tracks,
        List<Assessment> assessments) {

    /**
     * @param target whether RECIST counts the track as a target lesion
     * @param lymphNode whether it is measured by its short axis
     */
    public record TrackView(String id, boolean target, boolean lymphNode, List<Point> points) {
    }

    /**
     * @param diameterMm the diameter RECIST sums (short axis for lymph nodes), absent when unmeasured
     * @param longAxisMm the long axis, absent when unmeasured
     * @param linkProbability probability of the link from the track's previous lesion
     */
    public record Point(String studyId, LocalDate studyDate, String lesionId, Double diameterMm, Double longAxisMm,
            Double linkProbability) {
    }

    /**
     * @param changeFromBaseline relative change of the sum of diameters (-0.3 is 30% smaller)
     * @param response CR, PR, SD, PD or NE; absent at baseline
     * @param newLesions ids of lesions first seen in this study
     */
    public record Assessment(String studyId, LocalDate studyDate, double sumOfDiametersMm, Double changeFromBaseline,
            Double changeFromNadir, RecistResponse response, List<String> newLesions, String reason) {
    }

    public static TracksAnswer of(PatientTracks p) {
        List<TrackView> tracks = p.tracks().stream().map(TracksAnswer::track).toList();
        List<Assessment> assessments = p.assessments().stream().map(TracksAnswer::assessment).toList();
        return new TracksAnswer(p.patientId(), p.studies(), tracks, assessments);
    }

    private static TrackView track(Track t) {
        return new TrackView(t.id(), t.target(), t.lymphNode(), t.points().stream().map(TracksAnswer::point).toList());
    }

    private static Point point(TrackPoint p) {
        Double longAxis = p.lesion().sizeMm();
        return new Point(p.studyId(), p.studyDate(), p.lesion().id().value(), MatchesAnswer.orNull(p.diameterMm()),
                longAxis, p.linkProbability());
    }

    private static Assessment assessment(ResponseAssessment a) {
        return new Assessment(a.studyId(), a.studyDate(), a.sumOfDiametersMm(), a.changeFromBaseline(),
                a.changeFromNadir(), a.response(), MatchingController.ids(a.newLesions()), a.reason());
    }
}
