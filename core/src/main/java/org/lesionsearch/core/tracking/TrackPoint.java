package org.lesionsearch.core.tracking;

import java.time.LocalDate;
import org.lesionsearch.core.lesion.Lesion;

/**
 * A track's lesion in one study.
 *
 * @param diameterMm the diameter RECIST sums: the short axis for lymph nodes, else the long axis
 *     ({@code NaN} when unmeasured)
 * @param linkProbability probability that this lesion is the same as the track's previous one,
 *     {@code null} for the first
 */
public record TrackPoint(String studyId, LocalDate studyDate, Lesion lesion, double diameterMm,
        Double linkProbability) {
}
