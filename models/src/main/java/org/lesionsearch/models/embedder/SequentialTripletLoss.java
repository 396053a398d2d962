package org.lesionsearch.models.embedder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * LesionGraph's sequential-sampling triplet loss. Each sequence A..E is ordered by decreasing
 * similarity to the anchor A and decomposes into the triplets ABC, ACD and ADE:
 *
 * <pre>L = 1/(2S) Σ_s [max(0, d²AB − d²AC + m1) + max(0, d²AC − d²AD + m2) + max(0, d²AD − d²AE + m3)]</pre>
 *
 * with squared Euclidean distances and margins {@code 0 < m1 < m2 < m3}, so that lesions that
 * share fewer cues with the anchor are pushed further away.
 */
public record SequentialTripletLoss(float m1, float m2, float m3) {

    public static final int SEQUENCE_LENGTH = 5;

    public SequentialTripletLoss {
        if (!(0 < m1 && m1 < m2 && m2 < m3)) {
            throw new IllegalArgumentException("margins must satisfy 0 < m1 < m2 < m3, got " + m1 + ", " + m2 + ", " + m3);
        }
    }

    /** Margins 0.1, 0.2 and 0.4 for L2-normalised embeddings, whose squared distances lie in [0, 4]. */
    public static SequentialTripletLoss defaults() {
        return new SequentialTripletLoss(0.1f, 0.2f, 0.4f);
    }

    /**
     * @param embeddings {@code [5S, D]}: rows {@code 5s .. 5s+4} are A, B, C, D, E of sequence s
     * @return the scalar loss
     */
    public NDArray evaluate(NDArray embeddings) {
        long rows = embeddings.getShape().get(0);
        if (rows == 0 || rows % SEQUENCE_LENGTH != 0) {
            throw new IllegalArgumentException("expected 5 embeddings per sequence, got " + rows + " rows");
        }
        long sequences = rows / SEQUENCE_LENGTH;
        NDArray grouped = embeddings.reshape(sequences, SEQUENCE_LENGTH, -1);
        NDArray a = grouped.get(new NDIndex(":, 0:1, :"));
        NDArray d2 = grouped.get(new NDIndex(":, 1:, :")).sub(a).square().sum(new int[] {2}); // [S, 4]: AB AC AD AE
        NDArray ab = d2.get(new NDIndex(":, 0"));
        NDArray ac = d2.get(new NDIndex(":, 1"));
        NDArray ad = d2.get(new NDIndex(":, 2"));
        NDArray ae = d2.get(new NDIndex(":, 3"));
        NDArray hinge = Activation.relu(ab.sub(ac).add(m1))
                .add(Activation.relu(ac.sub(ad).add(m2)))
                .add(Activation.relu(ad.sub(ae).add(m3)));
        return hinge.sum().div(2f * sequences);
    }
}
