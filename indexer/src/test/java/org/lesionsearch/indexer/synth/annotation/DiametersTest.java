package org.lesionsearch.indexer.synth.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** RECIST diameters of outlines whose diameters are known. */
class DiametersTest {

    private static double[][] ellipse(double cx, double cy, double a, double b, double angle, int n) {
        double[][] points = new double[n][];
        for (int k = 0; k < n; k++) {
            double t = 2 * Math.PI * k / n;
            double p = a * Math.cos(t), q = b * Math.sin(t);
            points[k] = new double[] {cx + p * Math.cos(angle) - q * Math.sin(angle), cy + p * Math.sin(angle) + q * Math.cos(angle)};
        }
        return points;
    }

    @Property(tries = 200)
    void ellipseDiametersAreItsAxes(@ForAll @DoubleRange(min = 1, max = 60) double a,
                                    @ForAll @DoubleRange(min = 0.2, max = 1) double ratio,
                                    @ForAll @DoubleRange(min = 0, max = 3.14) double angle,
                                    @ForAll @DoubleRange(min = -300, max = 300) double cx,
                                    @ForAll @DoubleRange(min = -300, max = 300) double cy) {
        double b = a * ratio;
        Diameters d = Diameters.of(ellipse(cx, cy, a, b, angle, 360));
        assertThat(d.longLength()).isCloseTo(2 * a, within(0.002 * a + 1e-9));
        assertThat(d.shortLength()).isCloseTo(2 * b, within(0.02 * a + 1e-9));
        assertThat(d.shortLength()).isLessThanOrEqualTo(d.longLength() + 1e-9);
        // the short axis is perpendicular to the long axis
        double[] l = d.longAxis(), s = d.shortAxis();
        double dot = (l[2] - l[0]) * (s[2] - s[0]) + (l[3] - l[1]) * (s[3] - s[1]);
        assertThat(Math.abs(dot) / (d.longLength() * Math.max(d.shortLength(), 1e-9))).isLessThan(1e-6);
    }

    @Property(tries = 100)
    void diametersDoNotDependOnWhereTheOutlineStarts(@ForAll @DoubleRange(min = 2, max = 40) double a,
                                                     @ForAll @DoubleRange(min = 0.3, max = 1) double ratio) {
        double[][] outline = ellipse(0, 0, a, a * ratio, 0.3, 180);
        double[][] rotated = new double[outline.length][];
        for (int k = 0; k < outline.length; k++) {
            rotated[k] = outline[(k + 37) % outline.length];
        }
        assertThat(Diameters.of(rotated).longLength()).isCloseTo(Diameters.of(outline).longLength(), within(1e-9));
        assertThat(Diameters.of(rotated).shortLength()).isCloseTo(Diameters.of(outline).shortLength(), within(0.01 * a));
    }

    @Test
    void aSquaresLongAxisIsItsDiagonal() {
        Diameters d = Diameters.of(new double[][] {{0, 0}, {10, 0}, {10, 10}, {0, 10}});
        assertThat(d.longLength()).isCloseTo(Math.sqrt(200), within(1e-9));
        assertThat(d.shortLength()).isCloseTo(Math.sqrt(200), within(0.2));
    }

    @Test
    void refusesOutlinesOfFewerThanThreePoints() {
        assertThatThrownBy(() -> Diameters.of(new double[][] {{0, 0}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least three points");
    }
}
