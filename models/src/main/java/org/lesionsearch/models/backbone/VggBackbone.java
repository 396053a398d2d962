package org.lesionsearch.models.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * VGG-16 with batch normalisation: five stages of 3x3 convolutions (2, 2, 3, 3, 3 layers) with
 * 64, 128, 256, 512, 512 channels times a width multiplier, max pooling between stages. The
 * output is the multi-scale feature: the last feature map of each tapped stage, globally
 * average pooled, joined into one {@code [N, featureSize()]} vector.
 */
public final class VggBackbone extends AbstractBlock {

    private static final int[] LAYERS = {2, 2, 3, 3, 3};
    private static final int[] CHANNELS = {64, 128, 256, 512, 512};

    private final BackboneSpec spec;
    private final List<SequentialBlock> stages = new ArrayList<>();

    public VggBackbone(BackboneSpec spec) {
        super((byte) 1);
        this.spec = spec;
        for (int s = 0; s < LAYERS.length; s++) {
            SequentialBlock stage = new SequentialBlock();
            if (s > 0) {
                stage.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
            for (int l = 0; l < LAYERS[s]; l++) {
                stage.add(Conv2d.builder().setFilters(channels(s)).setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1)).optBias(false).build());
                stage.add(BatchNorm.builder().build());
                stage.add(Activation.reluBlock());
            }
            stages.add(addChildBlock("stage" + (s + 1), stage));
        }
    }

    public BackboneSpec spec() {
        return spec;
    }

    /** Channels of stage {@code s} (0-based) at this width, at least 8. */
    public int channels(int s) {
        return Math.max(8, (int) Math.round(CHANNELS[s] * spec.width()));
    }

    /** Length of the joined feature vector. */
    public int featureSize() {
        int size = 0;
        for (int tap : spec.taps()) {
            size += channels(tap - 1);
        }
        return size;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        List<NDArray> pooled = new ArrayList<>();
        int last = spec.taps().getLast();
        for (int s = 0; s < last; s++) {
            x = stages.get(s).forward(ps, x, training, params);
            if (spec.taps().contains(s + 1)) {
                pooled.add(Pool.globalAvgPool2d(x.singletonOrThrow()));
            }
        }
        return new NDList(pooled.size() == 1 ? pooled.getFirst() : NDArrays.concat(new NDList(pooled), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), featureSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (SequentialBlock stage : stages) {
            stage.initialize(manager, dataType, shape);
            shape = stage.getOutputShapes(new Shape[] {shape})[0];
        }
    }
}
