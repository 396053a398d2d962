package org.lesionsearch.models.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Per-label scores of a multi-label classifier: ROC AUC (rank statistic, ties counted half) and
 * the threshold that maximises F1, as LesaNet picks its per-label thresholds on validation data.
 */
public final class LabelEvaluation {

    private LabelEvaluation() {
    }

    /** AUC of one label, or NaN when the set has no positive or no negative for it. */
    public static double auc(float[][] scores, List<BitSet> truth, int label) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a][label], scores[b][label]));
        double rankSumPositives = 0;
        int positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]][label] == scores[order[i]][label]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth.get(order[k]).get(label)) {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Per-label AUCs (NaN where undefined) and their mean over the defined ones. */
    public record AucReport(double[] perLabel, double mean, int labelsScored) {
    }

    public static AucReport aucs(float[][] scores, List<BitSet> truth, int labels) {
        double[] per = new double[labels];
        double sum = 0;
        int scored = 0;
        for (int c = 0; c < labels; c++) {
            per[c] = auc(scores, truth, c);
            if (!Double.isNaN(per[c])) {
                sum += per[c];
                scored++;
            }
        }
        return new AucReport(per, scored == 0 ? Double.NaN : sum / scored, scored);
    }

    /**
     * For each label, the score threshold with the best F1 on this data; {@code fallback} for
     * labels without positives here.
     */
    public static float[] bestF1Thresholds(float[][] scores, List<BitSet> truth, int labels, float fallback) {
        float[] thresholds = new float[labels];
        for (int c = 0; c < labels; c++) {
            final int label = c;
            List<float[]> pairs = new ArrayList<>(); // {score, positive}
            int positives = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean p = truth.get(i).get(label);
                positives += p ? 1 : 0;
                pairs.add(new float[] {scores[i][label], p ? 1 : 0});
            }
            if (positives == 0) {
                thresholds[c] = fallback;
                continue;
            }
            pairs.sort((a, b) -> Float.compare(b[0], a[0]));
            double bestF1 = -1;
            float best = fallback;
            int tp = 0;
            for (int k = 0; k < pairs.size(); k++) {
                tp += (int) pairs.get(k)[1];
                boolean boundary = k + 1 == pairs.size() || pairs.get(k + 1)[0] < pairs.get(k)[0];
                if (!boundary) {
                    continue;
                }
                double precision = (double) tp / (k + 1);
                double recall = (double) tp / positives;
                double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    best = pairs.get(k)[0];
                }
            }
            thresholds[label] = best;
        }
        return thresholds;
    }
}
