package org.lesionsearch.models.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.LocalParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;

/**
 * One optimiser step at a time on a block: forward and loss in a scratch manager, backward,
 * update, and gradients cleared, so each step starts clean and frees its intermediates.
 */
public final class GradientStep {

    /** Builds the loss of one step from arrays created in {@code scratch}. */
    @FunctionalInterface
    public interface LossFunction {
        NDArray loss(NDManager scratch, ParameterStore parameters);
    }

    private final Block block;
    private final NDManager manager;
    private final ParameterStore parameters;

    public GradientStep(Block block, NDManager manager, Optimizer optimizer) {
        this.block = block;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.parameters.setParameterServer(new LocalParameterServer(optimizer), new Device[] {manager.getDevice()});
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
    }

    /** Runs one step and returns the loss before the update. */
    public float step(LossFunction function) {
        try (NDManager scratch = manager.newSubManager()) {
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = function.loss(scratch, parameters);
                value = loss.getFloat();
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("the training loss became " + value + "; lower the learning rate");
                }
                collector.backward(loss);
            }
            parameters.updateAllParameters();
            clearGradients();
            return value;
        }
    }

    private void clearGradients() {
        for (Parameter p : block.getParameters().values()) {
            NDArray array = p.getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }
}
