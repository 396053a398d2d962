package org.lesionsearch.server.api.lesionpage;

import java.util.List;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.matching.TracksAnswer;
import org.lesionsearch.server.api.query.QueryAnswer;

/**
 * The answer to {@code GET /api/lesions/{id}/page}: everything the lesion page shows, in one
 * round trip.
 *
 * @param lesion the lesion, without its embedding and probabilities (they are in {@code labels})
 * @param labels the labels mined from its report, its predicted labels, then other labels the model
 *     gives at least {@link #MIN_SHOWN_PROBABILITY}, each group most probable first
 * @param similar the most similar lesions of other patients, explained, with their label probabilities
 * @param timeline the patient's lesion tracks with RECIST response, absent when they cannot be computed
 * @param trackId the track this lesion belongs to
 * @param deidentified whether ids are pseudonyms and dates are left out
 */
public record LesionPage(Lesion lesion, List<LabelView> labels, List<QueryAnswer.HitView> similar,
        TracksAnswer timeline, String trackId, boolean deidentified) {

    public static final double MIN_SHOWN_PROBABILITY = 0.2;

    /**
     * @param probability the model's probability, absent when the lesion has none
     * @param predicted whether the model's thresholded labels include it
     * @param reported whether it was mined from the report sentence
     */
    public record LabelView(String term, String labelClass, Double probability, boolean predicted, boolean reported) {
    }
}
