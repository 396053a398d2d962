package org.lesionsearch.server.api.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.tracking.MatchCandidate;
import org.lesionsearch.core.tracking.MatchEvidence;
import org.lesionsearch.core.tracking.PatientTracking;
import org.lesionsearch.core.tracking.StudyMatches;
import org.lesionsearch.core.tracking.Translation;
import org.lesionsearch.server.api.lesions.Include;

/**
 * The answer to {@code GET /api/lesions/{id}/matches}.
 *
 * @param lesion the query lesion
 * @param studies every other study of the patient, chronologically
 */
public record MatchesAnswer(Lesion lesion, List<Study> studies) {

    /**
     * @param match id of the matching lesion, absent when "no match" is the most probable answer
     *     (a new lesion, or one that is gone)
     * @param noMatchProbability probability that the lesion has no counterpart in this study
     * @param alignment offset of this study's normalised locations from the query's study
     * @param candidates the most probable candidates, best first
     */
    public record Study(String studyId, LocalDate studyDate, String match, double noMatchProbability,
            Translation alignment, int lesions, List<Candidate> candidates) {
    }

    /**
     * @param probability that the candidate is the same lesion
     * @param cosine embedding cosine, absent without embeddings
     * @param locationDistance normalised distance after alignment, absent without locations
     * @param sizeRatio candidate long axis over the query's, absent without sizes
     * @param sameCoarseType whether the coarse types agree, absent when either is unknown
     * @param logOdds summed log likelihood ratio of the cues
     */
    public record Candidate(Lesion lesion, double probability, Double cosine, Double locationDistance,
            Double sizeRatio, Boolean sameCoarseType, double logOdds) {
    }

    static MatchesAnswer of(PatientTracking.LesionMatches m, int maxCandidates, Set<Include> include) {
        List<Study> studies = m.studies().stream().map(s -> study(s, maxCandidates, include)).toList();
        return new MatchesAnswer(Include.view(m.lesion(), include), studies);
    }

    private static Study study(StudyMatches s, int maxCandidates, Set<Include> include) {
        List<Candidate> candidates = s.candidates().stream().limit(maxCandidates).map(c -> candidate(c, include)).toList();
        return new Study(s.studyId(), s.studyDate(), s.match().map(c -> c.lesion().id().value()).orElse(null),
                s.noMatchProbability(), s.alignment(), s.candidates().size(), candidates);
    }

    private static Candidate candidate(MatchCandidate c, Set<Include> include) {
        MatchEvidence e = c.evidence();
        return new Candidate(Include.view(c.lesion(), include), c.probability(), orNull(e.cosine()),
                orNull(e.locationDistance()), orNull(e.sizeRatio()), e.sameCoarseType(), e.logOdds());
    }

    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
