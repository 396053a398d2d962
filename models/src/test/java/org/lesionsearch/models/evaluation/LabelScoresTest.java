package org.lesionsearch.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelScoresTest {

    // four lesions, three labels; label 2 is absent from the truth but predicted once
    private static final float[][] SCORES = {
        {0.9f, 0.2f, 0.1f},
        {0.8f, 0.7f, 0.6f},
        {0.3f, 0.6f, 0.1f},
        {0.1f, 0.1f, 0.2f}};
    private static final List<BitSet> TRUTH = List.of(bits(0), bits(0, 1), bits(1), new BitSet());
    private static final List<BitSet> PREDICTED = List.of(bits(0), bits(0, 2), bits(0, 1), new BitSet());

    @Test
    void perLabelCountsAndScores() {
        List<LabelScores.Label> labels = LabelScores.perLabel(SCORES, TRUTH, PREDICTED, 3);
        LabelScores.Label first = labels.get(0);
        // label 0: true on 0, 1; predicted on 0, 1, 2 → tp 2, fp 1, fn 0; P 2/3, R 1, F1 0.8
        assertThat(first.positives()).isEqualTo(2);
        assertThat(first.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(first.recall()).isEqualTo(1.0);
        assertThat(first.f1()).isCloseTo(0.8, within(1e-12));
        // scores: positives 0.9, 0.8 above negatives 0.3, 0.1 → AUC 1
        assertThat(first.auc()).isEqualTo(1.0);
        LabelScores.Label second = labels.get(1);
        // label 1: true on 1, 2; predicted on 2 → tp 1, fp 0, fn 1; P 1, R 0.5, F1 2/3
        // AUC: positives 0.7, 0.6 vs negatives 0.2, 0.1 → 1
        assertThat(second.truePositives()).isEqualTo(1);
        assertThat(second.falseNegatives()).isEqualTo(1);
        assertThat(second.f1()).isCloseTo(2 / 3.0, within(1e-12));
        LabelScores.Label absent = labels.get(2);
        assertThat(absent.positives()).isZero();
        assertThat(absent.falsePositives()).isEqualTo(1);
        assertThat(absent.auc()).isNaN();
    }

    @Test
    void macroMeansLeaveAbsentLabelsOutAndMicroPoolsEveryLabel() {
        List<LabelScores.Label> labels = LabelScores.perLabel(SCORES, TRUTH, PREDICTED, 3);
        LabelScores.Macro macro = LabelScores.macro(labels);
        assertThat(macro.labels()).isEqualTo(2);
        assertThat(macro.aucLabels()).isEqualTo(2);
        assertThat(macro.meanAuc()).isEqualTo(1.0);
        assertThat(macro.precision()).isCloseTo((2 / 3.0 + 1) / 2, within(1e-12));
        assertThat(macro.recall()).isCloseTo((1 + 0.5) / 2, within(1e-12));
        assertThat(macro.f1()).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-12));
        LabelScores.Micro micro = LabelScores.micro(labels);
        // tp 2 + 1 + 0, fp 1 + 0 + 1, fn 0 + 1 + 0 → P 3/5, R 3/4, F1 2/3
        assertThat(micro.truePositives()).isEqualTo(3);
        assertThat(micro.falsePositives()).isEqualTo(2);
        assertThat(micro.precision()).isCloseTo(0.6, within(1e-12));
        assertThat(micro.recall()).isCloseTo(0.75, within(1e-12));
        assertThat(micro.f1()).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-12));
    }

    @Test
    void aLabelNeverPredictedScoresZeroPrecisionAndF1() {
        List<LabelScores.Label> labels = LabelScores.perLabel(SCORES, TRUTH, List.of(new BitSet(), new BitSet(), new BitSet(),
                new BitSet()), 3);
        assertThat(labels.get(0).precision()).isZero();
        assertThat(labels.get(0).f1()).isZero();
        assertThat(LabelScores.macro(labels.subList(2, 3)).labels()).isZero();
        assertThat(LabelScores.macro(labels.subList(2, 3)).f1()).isNaN();
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }
}
