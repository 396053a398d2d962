package org.lesionsearch.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZErrorTest {

    @Test
    void meanAbsoluteErrorBesideTheMeanPredictor() {
        // truth 0.2, 0.4, 0.9 (mean 0.5); predictions off by 0.1, 0.1, 0.3
        ZError e = ZError.of(new double[] {0.3, 0.3, 0.6}, new double[] {0.2, 0.4, 0.9});
        assertThat(e.lesions()).isEqualTo(3);
        assertThat(e.meanAbsoluteError()).isCloseTo(0.5 / 3, within(1e-12));
        // |0.5-0.2| + |0.5-0.4| + |0.5-0.9| = 0.3 + 0.1 + 0.4
        assertThat(e.meanPredictorError()).isCloseTo(0.8 / 3, within(1e-12));
    }

    @Test
    void emptyGivesNaNAndNonFiniteIsRefused() {
        assertThat(ZError.of(new double[0], new double[0]).meanAbsoluteError()).isNaN();
        assertThatThrownBy(() -> ZError.of(new double[] {Double.NaN}, new double[] {0.5})).hasMessageContaining("lesion 0");
        assertThatThrownBy(() -> ZError.of(new double[] {0.1}, new double[0])).hasMessageContaining("1 predicted");
    }
}
