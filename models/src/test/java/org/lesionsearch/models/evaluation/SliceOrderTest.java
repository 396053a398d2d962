package org.lesionsearch.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SliceOrderTest {

    @Test
    void countsRisingPairsWithinEachVolumeAndTiesHalf() {
        // volume a: 1 < 3 (right), 1 < 2 (right), 3 > 2 (wrong) → 2 of 3
        // volume b: 5 = 5 → a half of 1; volume c has one slice: no pair
        SliceOrder.Score s = SliceOrder.accuracy(List.of(new double[] {1, 3, 2}, new double[] {5, 5}, new double[] {9}));
        assertThat(s.pairs()).isEqualTo(4);
        assertThat(s.volumes()).isEqualTo(2);
        assertThat(s.accuracy()).isCloseTo(2.5 / 4, within(1e-12));
    }

    @Test
    void pairsOfDifferentVolumesAreNeverCompared() {
        // each volume rises; the second starts below where the first ends
        SliceOrder.Score s = SliceOrder.accuracy(List.of(new double[] {10, 11}, new double[] {0, 1}));
        assertThat(s.accuracy()).isEqualTo(1.0);
        assertThat(s.pairs()).isEqualTo(2);
    }

    @Test
    void noPairGivesNaN() {
        assertThat(SliceOrder.accuracy(List.of(new double[] {1})).accuracy()).isNaN();
    }

    @Test
    void rejectsANonFiniteScore() {
        assertThatThrownBy(() -> SliceOrder.accuracy(List.of(new double[] {1, Double.NaN}))).hasMessageContaining("not finite");
    }

    @Property(tries = 50)
    void reversedScoresMirrorTheAccuracy(@ForAll @IntRange(min = 2, max = 12) int n, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] scores = new double[n];
        double[] reversed = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(5);
        }
        for (int i = 0; i < n; i++) {
            reversed[i] = scores[n - 1 - i];
        }
        double a = SliceOrder.accuracy(List.of(scores)).accuracy();
        double b = SliceOrder.accuracy(List.of(reversed)).accuracy();
        assertThat(a + b).isCloseTo(1.0, within(1e-12));
    }
}
