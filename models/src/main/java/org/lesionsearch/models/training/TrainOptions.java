package org.lesionsearch.models.training;

/**
 * How long and how one network trains.
 *
 * @param steps optimiser steps in all
 * @param batch lesions per step (sequences of five for the embedder, slice sequences for SSBR)
 * @param learningRate Adam's base rate; the last quarter of the steps runs at a tenth of it
 * @param seed seeds sampling and initial weights, so a run is repeatable
 * @param checkpointEvery steps between checkpoints
 * @param refinementRounds embedder only: rounds of iterative cue refinement (1 = none)
 * @param maxSeconds a time budget: training stops after the step that exceeds it and goes on to
 *     evaluation as if that step were the last (0: no budget)
 */
public record TrainOptions(int steps, int batch, float learningRate, long seed, int checkpointEvery, int refinementRounds,
                           long maxSeconds) {

    public TrainOptions {
        if (steps < 1 || batch < 1 || !(learningRate > 0) || checkpointEvery < 1 || refinementRounds < 1 || maxSeconds < 0) {
            throw new IllegalArgumentException("training needs positive steps, batch, learning rate, checkpoint interval and rounds");
        }
    }

    /** Options without a time budget. */
    public TrainOptions(int steps, int batch, float learningRate, long seed, int checkpointEvery, int refinementRounds) {
        this(steps, batch, learningRate, seed, checkpointEvery, refinementRounds, 0);
    }

    /** The learning rate at a step: the base rate, a tenth of it over the last quarter. */
    public float learningRateAt(int step) {
        return step < steps * 3 / 4 ? learningRate : learningRate / 10;
    }

    /** A random stream for one step that does not depend on earlier steps, so resumed runs sample alike. */
    public java.util.SplittableRandom randomFor(int step) {
        return new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
    }
}
