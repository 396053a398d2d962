package org.lesionsearch.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lesionsearch.models.backbone.BackboneSpec;
import org.lesionsearch.models.embedder.EmbedderSpec;
import org.lesionsearch.models.embedder.LesionEmbedderBlock;
import org.lesionsearch.models.embedder.SequentialTripletLoss;
import org.lesionsearch.models.labeler.LabelTripletLoss;
import org.lesionsearch.models.labeler.LabelerBlock;
import org.lesionsearch.models.labeler.LabelerSpec;
import org.lesionsearch.models.labeler.LesaNetLoss;
import org.lesionsearch.models.labeler.RelationalHardExampleMining;
import org.lesionsearch.models.labeler.WeightedCrossEntropy;
import org.lesionsearch.models.ssbr.SliceScoreBlock;
import org.lesionsearch.models.ssbr.SliceScoreSpec;
import org.lesionsearch.models.ssbr.SsbrLoss;

/** A few steps on one fixed batch must lower each network's loss. */
class GradientStepTest {

    private static final BackboneSpec TINY = new BackboneSpec(0.0625, List.of(2, 3));
    private static final int PX = 16;

    @Test
    void embedderStepsLowerTheSequentialTripletLoss() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            LesionEmbedderBlock block = new LesionEmbedderBlock(new EmbedderSpec(TINY, List.of("a"), 16));
            block.initialize(m, DataType.FLOAT32, new Shape(10, 3, PX, PX));
            float[] x = random(10 * 3 * PX * PX, 1);
            SequentialTripletLoss loss = SequentialTripletLoss.defaults();
            float[] losses = run(block, m, 8, (s, ps) -> loss.evaluate(
                    block.forward(ps, new NDList(s.create(x, new Shape(10, 3, PX, PX))), true).singletonOrThrow()));
            assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
        }
    }

    @Test
    void sliceScoreStepsLowerTheSsbrLoss() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            SliceScoreBlock block = new SliceScoreBlock(new SliceScoreSpec(TINY, "r"));
            int slices = 4;
            block.initialize(m, DataType.FLOAT32, new Shape(2 * slices, 3, PX, PX));
            float[] x = new float[2 * slices * 3 * PX * PX];
            SplittableRandom random = new SplittableRandom(2);
            int per = 3 * PX * PX;
            for (int i = 0; i < 2 * slices; i++) { // brighter towards the feet
                for (int k = 0; k < per; k++) {
                    x[i * per + k] = (float) ((i % slices) * 0.25 + random.nextDouble() * 0.1);
                }
            }
            SsbrLoss loss = new SsbrLoss();
            float[] losses = run(block, m, 8, (s, ps) -> loss.evaluate(
                    block.forward(ps, new NDList(s.create(x, new Shape(2 * slices, 3, PX, PX))), true)
                            .singletonOrThrow().reshape(2, slices)));
            assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
        }
    }

    @Test
    void labelerStepsLowerTheLesaNetLoss() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            int labels = 5;
            int batch = 6;
            LabelerBlock block = new LabelerBlock(new LabelerSpec(TINY, List.of("a"), 8, labels));
            block.initialize(m, DataType.FLOAT32, new Shape(batch, 3, PX, PX));
            float[] x = random(batch * 3 * PX * PX, 3);
            float[] y = new float[batch * labels];
            for (int i = 0; i < batch; i++) {
                y[i * labels + i % labels] = 1;
            }
            LesaNetLoss loss = new LesaNetLoss(WeightedCrossEntropy.fromCounts(new int[] {2, 1, 1, 1, 1}, batch),
                    new RelationalHardExampleMining(2, 200), new LabelTripletLoss(0.1f), LabelTripletLoss.LAMBDA);
            int[][] triplets = {{0, 5, 1}, {1, 0, 2}};
            SplittableRandom random = new SplittableRandom(4);
            float[] losses = run(block, m, 8, (s, ps) -> {
                NDList out = block.forward(ps, new NDList(s.create(x, new Shape(batch, 3, PX, PX))), true);
                NDArray targets = s.create(y, new Shape(batch, labels));
                return loss.evaluate(out, targets, targets, triplets, random).total();
            });
            assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
        }
    }

    private static float[] run(ai.djl.nn.Block block, NDManager m, int steps, GradientStep.LossFunction f) {
        GradientStep step = new GradientStep(block, m, Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
        float[] losses = new float[steps];
        for (int i = 0; i < steps; i++) {
            losses[i] = step.step(f);
        }
        return losses;
    }

    private static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }
}
