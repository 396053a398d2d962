package org.lesionsearch.models.labeler;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * LesaNet's triplet term for joint classification and retrieval: for triplets (A, B, C) where B
 * shares more labels with A than C does (label-set IoU), {@code max(0, d²AB − d²AC + margin)} on
 * the L2-normalised lesion features, averaged. It enters the total loss with weight λ = 5.
 */
public record LabelTripletLoss(float margin) {

    public static final float LAMBDA = 5f;

    /**
     * @param features {@code [B, D]} lesion features
     * @param triplets rows of {@code {a, b, c}} indices into the batch
     */
    public NDArray evaluate(NDArray features, int[][] triplets) {
        if (triplets.length == 0) {
            return features.sum().mul(0f);
        }
        int[] a = new int[triplets.length];
        int[] b = new int[triplets.length];
        int[] c = new int[triplets.length];
        for (int t = 0; t < triplets.length; t++) {
            a[t] = triplets[t][0];
            b[t] = triplets[t][1];
            c[t] = triplets[t][2];
        }
        NDArray fa = rows(features, a);
        NDArray ab = fa.sub(rows(features, b)).square().sum(new int[] {1});
        NDArray ac = fa.sub(rows(features, c)).square().sum(new int[] {1});
        return Activation.relu(ab.sub(ac).add(margin)).mean();
    }

    private static NDArray rows(NDArray features, int[] index) {
        return features.get(features.getManager().create(index));
    }

    /** Intersection over union of two label sets; 0 when both are empty. */
    public static double iou(BitSet x, BitSet y) {
        BitSet union = (BitSet) x.clone();
        union.or(y);
        if (union.isEmpty()) {
            return 0;
        }
        BitSet both = (BitSet) x.clone();
        both.and(y);
        return (double) both.cardinality() / union.cardinality();
    }

    /**
     * Draws up to {@code count} triplets from a batch where IoU(A, B) exceeds IoU(A, C) by at
     * least {@code minGap}; gives up after {@code 20 * count} tries.
     */
    public static int[][] sample(List<BitSet> labels, int count, double minGap, RandomGenerator random) {
        int n = labels.size();
        List<int[]> triplets = new ArrayList<>();
        if (n < 3) {
            return new int[0][];
        }
        for (int attempt = 0; attempt < 20 * count && triplets.size() < count; attempt++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            int c = random.nextInt(n);
            if (a == b || a == c || b == c) {
                continue;
            }
            double iab = iou(labels.get(a), labels.get(b));
            double iac = iou(labels.get(a), labels.get(c));
            if (iab >= iac + minGap) {
                triplets.add(new int[] {a, b, c});
            } else if (iac >= iab + minGap) {
                triplets.add(new int[] {a, c, b});
            }
        }
        return triplets.toArray(new int[0][]);
    }
}
