package org.lesionsearch.indexer.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BodyExtentTest {

    @Test
    void findsTheBodyAndIgnoresTheTableBelowIt() {
        int n = 512;
        float[] v = new float[n * n];
        java.util.Arrays.fill(v, -1000f);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double ex = (x - 256) / 180.0, ey = (y - 240) / 120.0;
                if (ex * ex + ey * ey <= 1) {
                    v[y * n + x] = 40f;
                }
                if (y >= 400 && y < 408 && x >= 40 && x < 472) {
                    v[y * n + x] = 200f; // the table, wider than the body, separated by air
                }
            }
        }
        BodyExtent body = BodyExtent.of(new HuSlice("phantom", n, n, v, 0.7, 0.7)).orElseThrow();
        assertThat(body.x1()).isCloseTo(76, within(5.0));
        assertThat(body.x2()).isCloseTo(436, within(5.0));
        assertThat(body.y1()).isCloseTo(120, within(5.0));
        assertThat(body.y2()).isCloseTo(360, within(5.0));
        assertThat(body.normalizeX(256)).isCloseTo(0.5, within(0.02));
        assertThat(body.normalizeY(120)).isCloseTo(0.0, within(0.02));
        assertThat(body.normalizeY(500)).isEqualTo(1.0);
    }

    @Test
    void anEmptySliceHasNoBody() {
        assertThat(BodyExtent.of(TestSlices.constant(64, -1000f, 1))).isEmpty();
    }
}
