package org.lesionsearch.models.labeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelerLossesTest {

    private static final float LN2 = (float) Math.log(2);
    private static final float LN3 = (float) Math.log(3);

    @Test
    void weightedCrossEntropyWeighsPositivesAndNegativesByTheirBetas() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // σ = 0.5, 0.75; y = 1, 0; terms: 2·(−log 0.5) = 1.386294 and 0.5·(−log 0.25) = 0.693147
            WeightedCrossEntropy wce = new WeightedCrossEntropy(new float[] {2, 4}, new float[] {1, 0.5f});
            float value = wce.evaluate(m.create(new float[] {0, LN3}, new Shape(1, 2)),
                    m.create(new float[] {1, 0}, new Shape(1, 2))).getFloat();
            assertThat(value).isCloseTo((1.386294f + 0.693147f) / 2, within(1e-5f));
        }
    }

    @Test
    void betasComeFromCountsAndAreClampedAt300() {
        WeightedCrossEntropy wce = WeightedCrossEntropy.fromCounts(new int[] {10, 0, 1000, 1}, 1000);
        assertThat(wce.positiveWeights()).containsExactly(50f, 300f, 0.5f, 300f);
        assertThat(wce.negativeWeights()[0]).isCloseTo(1000f / 1980, within(1e-6f));
        assertThat(wce.negativeWeights()[1]).isEqualTo(0.5f);
        assertThat(wce.negativeWeights()[2]).isEqualTo(300f);
    }

    @Test
    void rhemDrawsOnlyReliablePairs() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // pair 1 is hard (σ = 0.75, y = 0) but unreliable; pair 0 (σ = 0.5, y = 1) is the only reliable one
            RelationalHardExampleMining rhem = new RelationalHardExampleMining(2, 1000);
            var logits = m.create(new float[] {0, LN3, 5}, new Shape(1, 3));
            var targets = m.create(new float[] {1, 0, 0}, new Shape(1, 3));
            var reliable = m.create(new float[] {1, 0, 0}, new Shape(1, 3));
            assertThat(rhem.drawCounts(logits, targets, reliable, new SplittableRandom(1))).containsExactly(1000f, 0f, 0f);
            assertThat(rhem.evaluate(logits, targets, reliable, new SplittableRandom(1)).getFloat()).isCloseTo(LN2, within(1e-5f));
        }
    }

    @Test
    void rhemDrawsInProportionToDifficulty() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // δ0 = |0.5 − 1|² = 0.25, δ1 = |0.75 − 0|² = 0.5625; CE0 = ln 2, CE1 = ln 4
            // expected loss = (0.25 ln2 + 0.5625 ln4) / 0.8125 = 1.173018
            RelationalHardExampleMining rhem = new RelationalHardExampleMining(2, 100_000);
            var logits = m.create(new float[] {0, LN3, 5}, new Shape(1, 3));
            var targets = m.create(new float[] {1, 0, 0}, new Shape(1, 3));
            var reliable = m.create(new float[] {1, 1, 0}, new Shape(1, 3));
            float value = rhem.evaluate(logits, targets, reliable, new SplittableRandom(7)).getFloat();
            assertThat(value).isCloseTo(1.173018f, within(0.01f));
        }
    }

    @Test
    void rhemIsZeroWhenNothingReliableIsWrong() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            RelationalHardExampleMining rhem = RelationalHardExampleMining.defaults();
            var logits = m.create(new float[] {0, 0}, new Shape(1, 2));
            var none = m.create(new float[] {0, 0}, new Shape(1, 2));
            assertThat(rhem.evaluate(logits, none, none, new SplittableRandom(1)).getFloat()).isZero();
        }
    }

    @Test
    void labelTripletLossHingesOnSquaredDistances() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // a=(1,0) b=(0,1) c=(1,0): (a,b,c) gives max(0, 2 − 0 + 0.1) = 2.1, (a,c,b) gives 0
            var features = m.create(new float[] {1, 0, 0, 1, 1, 0}, new Shape(3, 2));
            float value = new LabelTripletLoss(0.1f).evaluate(features, new int[][] {{0, 1, 2}, {0, 2, 1}}).getFloat();
            assertThat(value).isCloseTo(1.05f, within(1e-6f));
        }
    }

    @Test
    void sampledTripletsPutTheMoreSimilarLesionSecond() {
        BitSet liverCyst = bits(1, 2);
        BitSet liverMass = bits(1, 3);
        BitSet lungNodule = bits(4, 5);
        List<BitSet> batch = List.of(liverCyst, liverMass, lungNodule, bits(1, 2, 6));
        int[][] triplets = LabelTripletLoss.sample(batch, 50, 0.1, new SplittableRandom(3));
        assertThat(triplets).isNotEmpty();
        for (int[] t : triplets) {
            assertThat(LabelTripletLoss.iou(batch.get(t[0]), batch.get(t[1])))
                    .isGreaterThanOrEqualTo(LabelTripletLoss.iou(batch.get(t[0]), batch.get(t[2])) + 0.1);
        }
        assertThat(LabelTripletLoss.iou(liverCyst, liverMass)).isCloseTo(1 / 3.0, within(1e-9));
    }

    private static BitSet bits(int... indices) {
        BitSet b = new BitSet();
        for (int i : indices) {
            b.set(i);
        }
        return b;
    }
}
