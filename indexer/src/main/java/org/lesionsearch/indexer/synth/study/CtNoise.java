package org.lesionsearch.indexer.synth.study;

import java.util.SplittableRandom;

/**
 * Turns a noise-free slice into a CT-like one: Gaussian noise smoothed with the scanner's point
 * spread (a 3x3 binomial kernel, which also softens edges the way reconstruction does), scaled so
 * that the noise left in flat regions has the requested standard deviation.
 */
public final class CtNoise {

    /** Noise standard deviation left after the 3x3 binomial kernel: 0.375 of the white noise's. */
    private static final double KERNEL_GAIN = 0.375;

    private CtNoise() {
    }

    /** Adds noise of {@code sigma} HU to {@code hu} in place and blurs; {@code scratch} is a buffer of the same size. */
    public static void apply(float[] hu, float[] scratch, int width, int height, double sigma, SplittableRandom rnd) {
        double white = sigma / KERNEL_GAIN;
        for (int i = 0; i < hu.length; i++) {
            hu[i] += (float) (white * rnd.nextGaussian());
        }
        // horizontal pass into scratch, vertical pass back
        for (int j = 0; j < height; j++) {
            int row = j * width;
            scratch[row] = (3 * hu[row] + hu[row + 1]) * 0.25f;
            for (int i = 1; i < width - 1; i++) {
                scratch[row + i] = (hu[row + i - 1] + 2 * hu[row + i] + hu[row + i + 1]) * 0.25f;
            }
            scratch[row + width - 1] = (hu[row + width - 2] + 3 * hu[row + width - 1]) * 0.25f;
        }
        for (int i = 0; i < width; i++) {
            hu[i] = (3 * scratch[i] + scratch[i + width]) * 0.25f;
        }
        for (int j = 1; j < height - 1; j++) {
            int row = j * width;
            for (int i = 0; i < width; i++) {
                hu[row + i] = (scratch[row + i - width] + 2 * scratch[row + i] + scratch[row + i + width]) * 0.25f;
            }
        }
        int last = (height - 1) * width;
        for (int i = 0; i < width; i++) {
            hu[last + i] = (scratch[last + i - width] + 3 * scratch[last + i]) * 0.25f;
        }
    }
}
