package org.lesionsearch.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MaxWeightAssignmentPropertyTest {

    @Property(tries = 500)
    void theAssignmentIsOneToOneAndAsGoodAsExhaustiveSearch(@ForAll("matrices") double[][] w) {
        int[] a = MaxWeightAssignment.solve(w);
        Set<Integer> used = new HashSet<>();
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0) {
                assertThat(used.add(a[i])).as("column %d used twice", a[i]).isTrue();
                assertThat(w[i][a[i]]).isPositive();
                total += w[i][a[i]];
            }
        }
        assertThat(total).isCloseTo(best(w, 0, new boolean[w[0].length]), org.assertj.core.api.Assertions.within(1e-9));
    }

    private static double best(double[][] w, int row, boolean[] used) {
        if (row == w.length) {
            return 0;
        }
        double best = best(w, row + 1, used);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && w[row][j] > 0) {
                used[j] = true;
                best = Math.max(best, w[row][j] + best(w, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Provide
    Arbitrary<double[][]> matrices() {
        return Arbitraries.integers().between(1, 5).flatMap(rows -> Arbitraries.integers().between(1, 5).flatMap(cols ->
                Arbitraries.doubles().between(-5, 10).array(double[].class).ofSize(cols).array(double[][].class).ofSize(rows)));
    }
}
