package org.lesionsearch.models.inference;

/**
 * How an encoder runs.
 *
 * @param sessions predictor sessions that may run at once (callers beyond wait)
 * @param maxBatch lesions per forward pass; larger inputs are split
 */
public record EncoderOptions(int sessions, int maxBatch) {

    public EncoderOptions {
        if (sessions < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("encoder sessions and batch size must be at least 1");
        }
    }

    /** Two sessions and batches of 32: suits a small CPU machine. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(2, 32);
    }
}
