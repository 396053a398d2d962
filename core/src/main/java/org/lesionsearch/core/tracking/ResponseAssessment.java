package org.lesionsearch.core.tracking;

import java.time.LocalDate;
import java.util.List;
import org.lesionsearch.core.lesion.LesionId;

/**
 * RECIST 1.1 at one study.
 *
 * @param sumOfDiametersMm sum of the target lesions' diameters (0 for a lesion not seen)
 * @param changeFromBaseline relative change of the sum from baseline, {@code null} at baseline or without targets
 * @param changeFromNadir relative change from the smallest earlier sum, {@code null} likewise
 * @param response {@code null} at baseline
 * @param newLesions lesions first seen in this study (follow-ups only)
 * @param reason the rule that decided the response, in words
 */
public record ResponseAssessment(String studyId, LocalDate studyDate, double sumOfDiametersMm,
        Double changeFromBaseline, Double changeFromNadir, RecistResponse response, List<LesionId> newLesions,
        String reason) {

    public ResponseAssessment {
        newLesions = List.copyOf(newLesions);
    }
}
