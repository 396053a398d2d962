package org.lesionsearch.models.ssbr;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.lesionsearch.models.backbone.VggBackbone;

/**
 * The SSBR slice-score network: a VGG-16-BN backbone, global pooling and one linear unit. Its
 * score grows monotonically from head to feet once trained with {@link SsbrLoss}. Input
 * {@code [N, 3, S, S]}, output {@code [N, 1]}.
 */
public final class SliceScoreBlock extends AbstractBlock {

    private final SliceScoreSpec spec;
    private final VggBackbone backbone;
    private final Linear score;

    public SliceScoreBlock(SliceScoreSpec spec) {
        super((byte) 1);
        this.spec = spec;
        this.backbone = addChildBlock("backbone", new VggBackbone(spec.backbone()));
        this.score = addChildBlock("score", Linear.builder().setUnits(1).build());
    }

    public SliceScoreSpec spec() {
        return spec;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList features = backbone.forward(ps, new NDList(inputs.singletonOrThrow()), training, params);
        return score.forward(ps, features, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes[0]);
        score.initialize(manager, dataType, new Shape(inputShapes[0].get(0), backbone.featureSize()));
    }
}
