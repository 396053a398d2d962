package org.lesionsearch.core.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The candidates in one other study of the patient for a query lesion, most probable first.
 * Probabilities of the candidates and of "no match" sum to 1.
 *
 * @param studyId the other study
 * @param studyDate its date, or {@code null}
 * @param alignment offset estimated between the query's study and this one
 * @param candidates every lesion of the study, most probable first (ties by id)
 * @param noMatchProbability probability that the query lesion has no counterpart here (new or gone)
 */
public record StudyMatches(String studyId, LocalDate studyDate, Translation alignment, List<MatchCandidate> candidates,
        double noMatchProbability) {

    public StudyMatches {
        candidates = List.copyOf(candidates);
    }

    /** The most probable candidate when it is more probable than "no match". */
    public Optional<MatchCandidate> match() {
        return candidates.isEmpty() || candidates.getFirst().probability() <= noMatchProbability ? Optional.empty()
                : Optional.of(candidates.getFirst());
    }
}
