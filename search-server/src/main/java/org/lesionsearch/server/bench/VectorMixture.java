package org.lesionsearch.server.bench;

import java.util.SplittableRandom;
import org.apache.lucene.util.VectorUtil;

/**
 * A seeded mixture of clusters in embedding space. Each cluster has a centre and a few local
 * directions, so that points spread over a low-dimensional patch around the centre plus a little
 * isotropic noise: learned embeddings have low intrinsic dimension, and uniform noise in 1024
 * dimensions would make every neighbour equally far.
 */
final class VectorMixture {

    private static final double LOCAL_SPREAD = 0.3;
    private static final double NOISE = 0.12;

    private final int dimension;
    private final float[][] centres;
    private final float[][][] localDirections;

    VectorMixture(int dimension, int clusters, int localRank, long seed) {
        this.dimension = dimension;
        SplittableRandom random = new SplittableRandom(seed);
        centres = new float[clusters][];
        localDirections = new float[clusters][localRank][];
        double scale = 1 / Math.sqrt(dimension);
        for (int c = 0; c < clusters; c++) {
            centres[c] = VectorUtil.l2normalize(gaussian(random, 1));
            for (int j = 0; j < localRank; j++) {
                localDirections[c][j] = gaussian(random, scale);
            }
        }
    }

    int clusters() {
        return centres.length;
    }

    /** A point of the cluster before normalisation: centre plus a random local offset. */
    float[] point(int cluster, SplittableRandom random) {
        float[] v = centres[cluster].clone();
        for (float[] direction : localDirections[cluster]) {
            float z = (float) (random.nextGaussian() * LOCAL_SPREAD);
            for (int i = 0; i < dimension; i++) {
                v[i] += z * direction[i];
            }
        }
        return v;
    }

    /** {@code base} with isotropic noise of norm about {@code noise}, L2-normalised. */
    float[] jitter(float[] base, double noise, SplittableRandom random) {
        float[] v = base.clone();
        double scale = noise / Math.sqrt(dimension);
        for (int i = 0; i < dimension; i++) {
            v[i] += (float) (random.nextGaussian() * scale);
        }
        return VectorUtil.l2normalize(v);
    }

    /** A fresh embedding from the mixture, L2-normalised. */
    float[] sample(int cluster, SplittableRandom random) {
        return jitter(point(cluster, random), NOISE, random);
    }

    static double noise() {
        return NOISE;
    }

    private float[] gaussian(SplittableRandom random, double scale) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }
}
