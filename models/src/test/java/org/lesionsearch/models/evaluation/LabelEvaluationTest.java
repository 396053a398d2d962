package org.lesionsearch.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LabelEvaluationTest {

    @Test
    void aucCountsCorrectlyOrderedPairsAndTiesAsHalf() {
        // positives score 0.9 and 0.4, negatives 0.5 and 0.1: pairs (0.9>0.5) (0.9>0.1) (0.4<0.5) (0.4>0.1) → 3/4
        float[][] scores = {{0.9f}, {0.4f}, {0.5f}, {0.1f}};
        List<BitSet> truth = List.of(bits(0), bits(0), new BitSet(), new BitSet());
        assertThat(LabelEvaluation.auc(scores, truth, 0)).isCloseTo(0.75, within(1e-12));
        float[][] tied = {{0.5f}, {0.5f}};
        assertThat(LabelEvaluation.auc(tied, List.of(bits(0), new BitSet()), 0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void labelsWithoutPositivesOrNegativesAreLeftOutOfTheMean() {
        float[][] scores = {{0.9f, 0.2f}, {0.1f, 0.3f}};
        List<BitSet> truth = List.of(bits(0, 1), bits(1));
        LabelEvaluation.AucReport report = LabelEvaluation.aucs(scores, truth, 2);
        assertThat(report.perLabel()[1]).isNaN();
        assertThat(report.mean()).isEqualTo(1.0);
        assertThat(report.labelsScored()).isEqualTo(1);
    }

    @Test
    void thresholdMaximisesF1() {
        // sorted: 0.9 (+), 0.8 (-), 0.7 (+), 0.2 (-): at 0.7, P=2/3 R=1 F1=0.8; at 0.9, P=1 R=1/2 F1=0.667
        float[][] scores = {{0.9f}, {0.8f}, {0.7f}, {0.2f}};
        List<BitSet> truth = List.of(bits(0), new BitSet(), bits(0), new BitSet());
        assertThat(LabelEvaluation.bestF1Thresholds(scores, truth, 1, 0.5f)).containsExactly(0.7f);
        assertThat(LabelEvaluation.bestF1Thresholds(scores, List.of(new BitSet(), new BitSet(), new BitSet(), new BitSet()), 1, 0.5f))
                .containsExactly(0.5f);
    }

    @Property(tries = 50)
    void aucIsUnchangedByAMonotoneRescaling(@ForAll @Size(min = 4, max = 30) List<@FloatRange(min = 0, max = 1) Float> values) {
        float[][] scores = new float[values.size()][1];
        float[][] squashed = new float[values.size()][1];
        List<BitSet> truth = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            scores[i][0] = values.get(i);
            squashed[i][0] = 3 * values.get(i) + 1;
            truth.add(i % 2 == 0 ? bits(0) : new BitSet());
        }
        double a = LabelEvaluation.auc(scores, truth, 0);
        assertThat(LabelEvaluation.auc(squashed, truth, 0)).isCloseTo(a, within(1e-12));
        assertThat(a).isBetween(0.0, 1.0);
    }

    private static BitSet bits(int... i) {
        BitSet b = new BitSet();
        for (int x : i) {
            b.set(x);
        }
        return b;
    }
}
