package org.lesionsearch.models.labeler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.random.RandomGenerator;

/**
 * The whole LesaNet objective:
 *
 * <pre>L = L_WCE + L_CE,RHEM + L_WCE,SPL + λ L_triplet</pre>
 *
 * weighted cross-entropy on the classifier scores, RHEM on the same scores, weighted
 * cross-entropy on the score-propagation output, and the label-similarity triplet term.
 */
public record LesaNetLoss(WeightedCrossEntropy weightedCrossEntropy, RelationalHardExampleMining rhem,
                          LabelTripletLoss triplet, float lambda) {

    /** The parts of one evaluation, for loss curves. */
    public record Parts(NDArray total, float wce, float rhem, float wceSpl, float triplet) {
    }

    /**
     * @param outputs the {@link LabelerBlock} outputs: logits, propagated logits, features
     * @param targets {@code [B, C]} 0/1 labels
     * @param reliable {@code [B, C]} 1 where a label is a positive or an implied negative
     * @param triplets label-similarity triplets within the batch
     */
    public Parts evaluate(NDList outputs, NDArray targets, NDArray reliable, int[][] triplets, RandomGenerator random) {
        NDArray wce = weightedCrossEntropy.evaluate(outputs.get(0), targets);
        NDArray hard = rhem.evaluate(outputs.get(0), targets, reliable, random);
        NDArray spl = weightedCrossEntropy.evaluate(outputs.get(1), targets);
        NDArray trip = triplet.evaluate(outputs.get(2), triplets);
        NDArray total = wce.add(hard).add(spl).add(trip.mul(lambda));
        return new Parts(total, wce.getFloat(), hard.getFloat(), spl.getFloat(), trip.getFloat());
    }
}
