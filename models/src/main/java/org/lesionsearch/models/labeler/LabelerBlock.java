package org.lesionsearch.models.labeler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.models.backbone.L2Norm;
import org.lesionsearch.models.backbone.VggBackbone;

/**
 * The LesaNet labeler: a VGG-16-BN backbone over its scales, multi-scale pooled features joined
 * into a lesion feature, one score per label, and the score propagation layer (a fully
 * connected label-to-label layer, initialised to the identity) that learns first-order label
 * correlations.
 *
 * <p>Output: {@code [logits, propagated logits, L2-normalised feature]}; predictions use the
 * sigmoid of the propagated logits.
 */
public final class LabelerBlock extends AbstractBlock {

    private final LabelerSpec spec;
    private final VggBackbone backbone;
    private final Linear feature;
    private final Linear classifier;
    private final Linear propagation;

    public LabelerBlock(LabelerSpec spec) {
        super((byte) 1);
        this.spec = spec;
        this.backbone = addChildBlock("backbone", new VggBackbone(spec.backbone()));
        this.feature = addChildBlock("feature", Linear.builder().setUnits(spec.featureDim()).build());
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.labels()).build());
        this.propagation = addChildBlock("propagation", Linear.builder().setUnits(spec.labels()).build());
        propagation.setInitializer((manager, shape, dataType) -> manager.eye((int) shape.get(0)).toType(dataType, false),
                Parameter.Type.WEIGHT);
        propagation.setInitializer(new ConstantInitializer(0), Parameter.Type.BIAS);
    }

    public LabelerSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != spec.scales().size()) {
            throw new IllegalArgumentException("the labeler takes " + spec.scales().size() + " scales " + spec.scales()
                    + " but got " + inputs.size() + " inputs");
        }
        List<NDArray> pooled = new ArrayList<>();
        for (NDArray scale : inputs) {
            pooled.add(backbone.forward(ps, new NDList(scale), training, params).singletonOrThrow());
        }
        NDArray joined = pooled.size() == 1 ? pooled.getFirst() : NDArrays.concat(new NDList(pooled), 1);
        NDArray hidden = feature.forward(ps, new NDList(joined), training, params).singletonOrThrow();
        NDArray logits = classifier.forward(ps, new NDList(Activation.relu(hidden)), training, params).singletonOrThrow();
        NDArray propagated = propagation.forward(ps, new NDList(logits), training, params).singletonOrThrow();
        return new NDList(logits, propagated, L2Norm.rows(hidden));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        return new Shape[] {new Shape(n, spec.labels()), new Shape(n, spec.labels()), new Shape(n, spec.featureDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        backbone.initialize(manager, dataType, inputShapes[0]);
        feature.initialize(manager, dataType, new Shape(n, (long) backbone.featureSize() * inputShapes.length));
        classifier.initialize(manager, dataType, new Shape(n, spec.featureDim()));
        propagation.initialize(manager, dataType, new Shape(n, spec.labels()));
    }
}
