package org.lesionsearch.models.backbone;

import ai.djl.ndarray.NDArray;

/** Row-wise L2 normalisation, the last step of every embedding head. */
public final class L2Norm {

    private static final float EPSILON = 1e-12f;

    private L2Norm() {
    }

    /** Each row of {@code x} divided by its Euclidean norm. */
    public static NDArray rows(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(EPSILON).sqrt());
    }
}
