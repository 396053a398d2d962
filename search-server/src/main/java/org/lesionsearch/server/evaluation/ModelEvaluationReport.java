package org.lesionsearch.server.evaluation;

import java.util.List;
import java.util.Locale;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.models.evaluation.LabelScores;
import org.lesionsearch.models.evaluation.NeighbourQuality;
import org.lesionsearch.models.evaluation.RetrievalEvaluation;
import org.lesionsearch.models.evaluation.SliceOrder;
import org.lesionsearch.models.evaluation.ZError;

/**
 * The three networks of a model bundle scored on one split of lesions.
 *
 * @param model the encoder's name and version
 * @param data where the lesions came from
 * @param split which split was scored
 */
public record ModelEvaluationReport(String model, String data, String split, Sizes sizes, int k, List<Ranking> rankings,
                                    List<LabelGroup> labelGroups, LabelScores.Micro labelMicro, List<LabelRow> perLabel,
                                    SliceOrder.Score sliceOrder, ZError zError) {

    public ModelEvaluationReport {
        rankings = List.copyOf(rankings);
        labelGroups = List.copyOf(labelGroups);
        perLabel = List.copyOf(perLabel);
    }

    /**
     * How much was scored.
     *
     * @param retrievalLesions lesions with a coarse type, location and size (retrieval's candidates)
     * @param matchingLesions lesions with a location (matching's candidates)
     * @param labelledLesions lesions with at least one true label (the labeler's)
     * @param labels the labels the model predicts
     * @param labelsPresent of those, the ones some labelled lesion has
     * @param ssbrVolumes runs of consecutive slices of the split's patients
     * @param ssbrSlices the slices in those runs
     */
    public record Sizes(int lesions, int patients, int studies, int retrievalLesions, int matchingLesions,
                        int labelledLesions, int labels, int labelsPresent, int ssbrVolumes, int ssbrSlices) {
    }

    /** One way of ranking lesions, scored on retrieval and matching (on the same queries as every other ranking). */
    public record Ranking(String name, NeighbourQuality.Scores neighbours, RetrievalEvaluation.Score matching) {
    }

    /** Macro averages over the labels present of one class, or of all ({@code labelClass} null). */
    public record LabelGroup(String name, LabelClass labelClass, LabelScores.Macro macro) {
    }

    /** One label's scores, with its term and class. */
    public record LabelRow(String term, LabelClass labelClass, LabelScores.Label scores) {
    }

    /** How the report names a label class: "body part", "type", "attribute". */
    public static String className(LabelClass labelClass) {
        return labelClass.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The ranking by the model's embeddings. */
    public Ranking embedding() {
        return rankings.getFirst();
    }

    /** Macro averages over every label present. */
    public LabelGroup allLabels() {
        return labelGroups.getLast();
    }
}
