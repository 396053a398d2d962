package org.lesionsearch.models.evaluation;

import java.util.List;

/**
 * The body-part regressor's order accuracy: of every pair of slices of one volume, the share
 * whose scores rise from head to feet as the slices do. Equal scores count half, so a constant
 * prediction scores 0.5.
 */
public final class SliceOrder {

    /** The accuracy and how many slice pairs of how many volumes it counts. */
    public record Score(double accuracy, long pairs, int volumes) {
    }

    private SliceOrder() {
    }

    /** @param volumes the slice scores of each volume, in slice order from head to feet */
    public static Score accuracy(List<double[]> volumes) {
        double right = 0;
        long pairs = 0;
        int counted = 0;
        for (double[] scores : volumes) {
            if (scores.length < 2) {
                continue;
            }
            counted++;
            for (int i = 0; i < scores.length; i++) {
                for (int j = i + 1; j < scores.length; j++) {
                    if (!Double.isFinite(scores[i]) || !Double.isFinite(scores[j])) {
                        throw new IllegalArgumentException("slice score of volume " + (counted - 1) + " is not finite");
                    }
                    right += scores[i] < scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return new Score(pairs == 0 ? Double.NaN : right / pairs, pairs, counted);
    }
}
