package org.lesionsearch.models.evaluation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A multi-label classifier judged per label and on average: AUC of its scores, and precision,
 * recall and F1 of the labels it predicts (after its thresholds). Precision of a label never
 * predicted counts 0, as its F1 does.
 */
public final class LabelScores {

    /** Precision, recall and F1 from counts of true positives, false positives and false negatives. */
    public interface Counts {
        int truePositives();

        int falsePositives();

        int falseNegatives();

        default double precision() {
            return ratio(truePositives(), truePositives() + falsePositives());
        }

        default double recall() {
            return ratio(truePositives(), truePositives() + falseNegatives());
        }

        default double f1() {
            return LabelScores.f1(precision(), recall());
        }
    }

    /** One label's scores on a set of lesions; {@code auc} is NaN without positives or negatives. */
    public record Label(int index, int positives, double auc, int truePositives, int falsePositives, int falseNegatives)
            implements Counts {
    }

    /**
     * Means over the labels with positives: AUC over those where it is defined ({@code aucLabels}
     * of them), precision, recall and F1 over all {@code labels}.
     */
    public record Macro(int labels, int aucLabels, double meanAuc, double precision, double recall, double f1) {
    }

    /** Counts pooled over labels before dividing. */
    public record Micro(int truePositives, int falsePositives, int falseNegatives) implements Counts {
    }

    private LabelScores() {
    }

    /**
     * @param scores one row of label scores per lesion
     * @param truth each lesion's true labels
     * @param predicted each lesion's predicted labels
     */
    public static List<Label> perLabel(float[][] scores, List<BitSet> truth, List<BitSet> predicted, int labels) {
        if (truth.size() != scores.length || predicted.size() != scores.length) {
            throw new IllegalArgumentException(scores.length + " score rows, " + truth.size() + " true label sets and "
                    + predicted.size() + " predicted label sets: they must be one per lesion");
        }
        List<Label> out = new ArrayList<>(labels);
        for (int c = 0; c < labels; c++) {
            int positives = 0;
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean isTrue = truth.get(i).get(c);
                boolean isPredicted = predicted.get(i).get(c);
                positives += isTrue ? 1 : 0;
                tp += isTrue && isPredicted ? 1 : 0;
                fp += !isTrue && isPredicted ? 1 : 0;
            }
            out.add(new Label(c, positives, LabelEvaluation.auc(scores, truth, c), tp, fp, positives - tp));
        }
        return out;
    }

    /** Means over the given labels that have positives; the others are left out. */
    public static Macro macro(List<Label> labels) {
        int present = 0;
        int withAuc = 0;
        double auc = 0;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (Label l : labels) {
            if (l.positives() == 0) {
                continue;
            }
            present++;
            precision += l.precision();
            recall += l.recall();
            f1 += l.f1();
            if (!Double.isNaN(l.auc())) {
                withAuc++;
                auc += l.auc();
            }
        }
        return new Macro(present, withAuc, withAuc == 0 ? Double.NaN : auc / withAuc,
                present == 0 ? Double.NaN : precision / present, present == 0 ? Double.NaN : recall / present,
                present == 0 ? Double.NaN : f1 / present);
    }

    /** Pooled over every given label, present or not: false positives of absent labels count. */
    public static Micro micro(List<Label> labels) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Label l : labels) {
            tp += l.truePositives();
            fp += l.falsePositives();
            fn += l.falseNegatives();
        }
        return new Micro(tp, fp, fn);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
