package org.lesionsearch.models.labeler;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.random.RandomGenerator;

/**
 * Relational hard example mining (RHEM). Mined labels are incomplete, so a missing label is not
 * a reliable negative; only positives and the negatives implied by mutual exclusion are. Among
 * those reliable lesion-label pairs, {@code samples} pairs are drawn (with replacement) with
 * probability proportional to their online difficulty {@code δ = |σ − y|^γ}, and the plain
 * cross-entropy is averaged over the draws. Hard pairs are drawn often; it acts as a dynamic
 * weighting of imbalanced labels.
 */
public record RelationalHardExampleMining(double gamma, int samples) {

    public RelationalHardExampleMining {
        if (!(gamma > 0) || samples < 1) {
            throw new IllegalArgumentException("RHEM needs gamma > 0 and at least one sample");
        }
    }

    /** γ = 2 and S = 10⁴, as LesaNet. */
    public static RelationalHardExampleMining defaults() {
        return new RelationalHardExampleMining(2, 10_000);
    }

    /**
     * @param logits {@code [B, C]} scores before the sigmoid
     * @param targets {@code [B, C]} 0/1 labels
     * @param reliable {@code [B, C]} 1 where the label is reliable
     * @param random draws the examples
     */
    public NDArray evaluate(NDArray logits, NDArray targets, NDArray reliable, RandomGenerator random) {
        float[] draws = drawCounts(logits, targets, reliable, random);
        NDArray counts = logits.getManager().create(draws, logits.getShape());
        NDArray crossEntropy = Activation.softPlus(logits.neg()).mul(targets)
                .add(Activation.softPlus(logits).mul(targets.neg().add(1f)));
        return crossEntropy.mul(counts).sum().div(samples);
    }

    /** How often each pair is drawn; all zero when no reliable pair has any difficulty left. */
    float[] drawCounts(NDArray logits, NDArray targets, NDArray reliable, RandomGenerator random) {
        float[] sigma = Activation.sigmoid(logits).toFloatArray();
        float[] y = targets.toFloatArray();
        float[] r = reliable.toFloatArray();
        double[] cumulative = new double[sigma.length];
        double total = 0;
        for (int k = 0; k < sigma.length; k++) {
            if (r[k] > 0) {
                total += Math.pow(Math.abs(sigma[k] - y[k]), gamma);
            }
            cumulative[k] = total;
        }
        float[] counts = new float[sigma.length];
        if (!(total > 0)) {
            return counts;
        }
        for (int s = 0; s < samples; s++) {
            counts[firstAbove(cumulative, random.nextDouble() * total)]++;
        }
        return counts;
    }

    /** The first index whose cumulative weight exceeds {@code u}: a pair of positive weight. */
    private static int firstAbove(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
