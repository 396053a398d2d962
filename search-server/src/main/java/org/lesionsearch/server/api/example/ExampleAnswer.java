package org.lesionsearch.server.api.example;

import java.util.List;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.query.ranking.LabelEvidence;
import org.lesionsearch.server.api.query.QueryAnswer;

/**
 * The answer to {@code POST /api/example-search}: what the model made of the uploaded lesion, and
 * the lesions most like it.
 *
 * @param example the uploaded lesion as the model sees it
 * @param results the hits, in the shape of {@code GET /api/search?q=}
 */
public record ExampleAnswer(Example example, QueryAnswer results) {

    /**
     * @param labels the model's labels for the upload (above their thresholds), most probable first
     * @param sizeMm the drawn long axis (or the box's longer side) in mm
     * @param z the body-part score of the slice in [0, 1] (head 0), absent when unknown
     */
    public record Example(String format, int width, int height, double spacingMm, List<LabelEvidence> labels,
            double sizeMm, Double z, ModelInfo model) {
    }
}
