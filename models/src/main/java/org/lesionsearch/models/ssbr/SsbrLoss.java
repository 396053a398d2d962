package org.lesionsearch.models.ssbr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * The SSBR loss on sequences of m equidistant slices {@code j, j+k, ..., j+k(m-1)} ordered head
 * to feet:
 *
 * <pre>
 * L = L_order + L_dist
 * L_order = −Σ_{i=0}^{m−2} log h(Δ_i),      h = sigmoid
 * L_dist  =  Σ_{i=0}^{m−3} g(Δ_{i+1} − Δ_i), g = smooth L1
 * Δ_i = s_{j+k(i+1)} − s_{j+ki}
 * </pre>
 *
 * The order term makes scores increase towards the feet; the distance term makes equal slice
 * steps give equal score steps. Summed within a sequence, averaged over sequences.
 */
public final class SsbrLoss {

    /**
     * @param scores {@code [S, m]} slice scores, one sequence per row, {@code m >= 3}
     * @return the scalar loss
     */
    public NDArray evaluate(NDArray scores) {
        if (scores.getShape().dimension() != 2 || scores.getShape().get(1) < 3) {
            throw new IllegalArgumentException("expected [sequences, slices >= 3] scores, got " + scores.getShape());
        }
        long sequences = scores.getShape().get(0);
        NDArray delta = scores.get(new NDIndex(":, 1:")).sub(scores.get(new NDIndex(":, :-1")));
        // −log sigmoid(x) = softplus(−x), stable for large |x|
        NDArray order = Activation.softPlus(delta.neg()).sum();
        NDArray change = delta.get(new NDIndex(":, 1:")).sub(delta.get(new NDIndex(":, :-1")));
        NDArray dist = smoothL1(change).sum();
        return order.add(dist).div(sequences);
    }

    /** 0.5 x² where |x| < 1, else |x| − 0.5. */
    static NDArray smoothL1(NDArray x) {
        NDArray abs = x.abs();
        return NDArrays.where(abs.lt(1f), x.square().mul(0.5f), abs.sub(0.5f));
    }
}
