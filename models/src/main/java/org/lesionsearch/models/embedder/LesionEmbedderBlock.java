package org.lesionsearch.models.embedder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.models.backbone.L2Norm;
import org.lesionsearch.models.backbone.VggBackbone;

/**
 * The LesionGraph embedder: one VGG-16-BN backbone shared by every context scale (multi-crop),
 * the multi-scale pooled features of all scales joined and projected to the embedding, which
 * is L2-normalised. Input: one {@code [N, 3, S, S]} array per scale, in {@link EmbedderSpec}
 * order; output: {@code [N, dim]}.
 */
public final class LesionEmbedderBlock extends AbstractBlock {

    private final EmbedderSpec spec;
    private final VggBackbone backbone;
    private final Linear projection;

    public LesionEmbedderBlock(EmbedderSpec spec) {
        super((byte) 1);
        this.spec = spec;
        this.backbone = addChildBlock("backbone", new VggBackbone(spec.backbone()));
        this.projection = addChildBlock("projection", Linear.builder().setUnits(spec.dim()).build());
    }

    public EmbedderSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != spec.scales().size()) {
            throw new IllegalArgumentException("the embedder takes " + spec.scales().size() + " scales " + spec.scales()
                    + " but got " + inputs.size() + " inputs");
        }
        List<NDArray> features = new ArrayList<>();
        for (NDArray scale : inputs) {
            features.add(backbone.forward(ps, new NDList(scale), training, params).singletonOrThrow());
        }
        NDArray joined = features.size() == 1 ? features.getFirst() : NDArrays.concat(new NDList(features), 1);
        NDArray projected = projection.forward(ps, new NDList(joined), training, params).singletonOrThrow();
        return new NDList(L2Norm.rows(projected));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), spec.dim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes[0]);
        projection.initialize(manager, dataType, new Shape(inputShapes[0].get(0), (long) backbone.featureSize() * inputShapes.length));
    }
}
