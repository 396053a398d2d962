package org.lesionsearch.models.ssbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ZCalibrationTest {

    @Property(tries = 100)
    void fitRecoversALine(@ForAll @DoubleRange(min = -5, max = 5) double slope, @ForAll @DoubleRange(min = -3, max = 3) double intercept) {
        if (Math.abs(slope) < 1e-3) {
            return;
        }
        double[] s = {-2, -1, 0, 0.5, 3};
        double[] z = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            z[i] = slope * s[i] + intercept;
        }
        ZCalibration fit = ZCalibration.fit(s, z);
        assertThat(fit.slope()).isCloseTo(slope, within(1e-9));
        assertThat(fit.intercept()).isCloseTo(intercept, within(1e-9));
    }

    @Test
    void clampsToTheBody() {
        ZCalibration c = new ZCalibration(0.1, 0.5);
        assertThat(c.z(0)).isEqualTo(0.5);
        assertThat(c.z(100)).isEqualTo(1.0);
        assertThat(c.z(-100)).isEqualTo(0.0);
    }

    @Test
    void refusesDegenerateData() {
        assertThatThrownBy(() -> ZCalibration.fit(new double[] {1, 1}, new double[] {0.2, 0.4})).hasMessageContaining("different scores");
        assertThatThrownBy(() -> ZCalibration.fit(new double[] {1}, new double[] {0.2})).hasMessageContaining("two");
    }
}
