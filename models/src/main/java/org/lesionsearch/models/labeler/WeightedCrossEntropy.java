package org.lesionsearch.models.labeler;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * LesaNet's weighted cross-entropy for imbalanced labels:
 *
 * <pre>L = −mean_{i,c} [β^p_c y_ic log σ_ic + β^n_c (1 − y_ic) log(1 − σ_ic)]</pre>
 *
 * with {@code β^p_c = |P_c + N_c| / (2|P_c|)} and {@code β^n_c = |P_c + N_c| / (2|N_c|)} from
 * the training set's positive and negative counts, each clamped at {@value #MAX_WEIGHT}.
 */
public final class WeightedCrossEntropy {

    public static final float MAX_WEIGHT = 300f;

    private final float[] positiveWeights;
    private final float[] negativeWeights;

    public WeightedCrossEntropy(float[] positiveWeights, float[] negativeWeights) {
        if (positiveWeights.length != negativeWeights.length) {
            throw new IllegalArgumentException("positive and negative weights differ in length");
        }
        this.positiveWeights = positiveWeights.clone();
        this.negativeWeights = negativeWeights.clone();
    }

    /**
     * Weights from label counts.
     *
     * @param positives per label, how many training lesions have it
     * @param lesions how many training lesions there are
     */
    public static WeightedCrossEntropy fromCounts(int[] positives, int lesions) {
        float[] bp = new float[positives.length];
        float[] bn = new float[positives.length];
        for (int c = 0; c < positives.length; c++) {
            int p = positives[c];
            int n = lesions - p;
            bp[c] = p == 0 ? MAX_WEIGHT : Math.min(MAX_WEIGHT, lesions / (2f * p));
            bn[c] = n == 0 ? MAX_WEIGHT : Math.min(MAX_WEIGHT, lesions / (2f * n));
        }
        return new WeightedCrossEntropy(bp, bn);
    }

    public float[] positiveWeights() {
        return positiveWeights.clone();
    }

    public float[] negativeWeights() {
        return negativeWeights.clone();
    }

    /**
     * @param logits {@code [B, C]} scores before the sigmoid
     * @param targets {@code [B, C]} 0/1 labels
     */
    public NDArray evaluate(NDArray logits, NDArray targets) {
        NDArray bp = logits.getManager().create(positiveWeights).expandDims(0);
        NDArray bn = logits.getManager().create(negativeWeights).expandDims(0);
        // log σ(x) = −softplus(−x); log(1 − σ(x)) = −softplus(x)
        NDArray positive = Activation.softPlus(logits.neg()).mul(targets).mul(bp);
        NDArray negative = Activation.softPlus(logits).mul(targets.neg().add(1f)).mul(bn);
        return positive.add(negative).mean();
    }
}
