package org.lesionsearch.indexer.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;

class PatchExtractorTest {

    private final PatchExtractor extractor = new PatchExtractor(TestSlices.spec());

    @Test
    void aLesionAppearsAtTheCentreWithItsSizeInMillimetres() {
        // a 20 mm disk (radius 10 mm) on a 0.5 mm grid, off the slice centre
        double spacing = 0.5, radiusMm = 10;
        HuSlice slice = TestSlices.disk(512, 300.0, 200.0, radiusMm / spacing, 100f, -1000f, spacing);
        LesionPatches p = extractor.extract("L1", LesionSlices.keyOnly(slice), 300.0, 200.0);
        assertThat(p.key()).isEqualTo("L1");
        assertThat(p.neighboursPresent()).isFalse();
        assertThat(p.patches()).hasSize(2);
        for (int s = 0; s < 2; s++) {
            PatchScale scale = TestSlices.spec().scales().get(s);
            float[] patch = p.patches().get(s);
            int n = scale.sizePx();
            assertThat(patch).hasSize(3 * n * n);
            // soft-tissue channel (index 1): the disk is 100 HU, inside [-175, 275]; air is 0
            int row = n / 2;
            int inside = 0;
            for (int x = 0; x < n; x++) {
                if (patch[n * n + row * n + x] > 0.3f) {
                    inside++;
                }
            }
            double expectedPx = 2 * radiusMm / scale.mmPerPixel();
            assertThat((double) inside).as("disk width at scale " + scale.name()).isCloseTo(expectedPx, within(2.0));
            assertThat(patch[n * n + row * n + n / 2]).isCloseTo(275f / 450f, within(0.01f));
            assertThat(patch[n * n]).isEqualTo(0f);
        }
    }

    @Test
    void fallbackChannelsAreTheKeySliceThroughThreeWindows() {
        HuSlice slice = TestSlices.constant(256, 0f, 1.0);
        float[] patch = extractor.extract("L", LesionSlices.keyOnly(slice), 128, 128).patches().getFirst();
        int plane = 64 * 64;
        assertThat(patch[0]).isCloseTo(1350f / 1500f, within(1e-5f));
        assertThat(patch[plane]).isCloseTo(175f / 450f, within(1e-5f));
        assertThat(patch[2 * plane]).isCloseTo(500f / 1800f, within(1e-5f));
    }

    @Test
    void neighbourChannelsAreBelowKeyAndAboveThroughOneWindow() {
        HuSlice below = TestSlices.constant(64, -1024f, 1.0), key = TestSlices.constant(64, 1000f, 1.0),
                above = TestSlices.constant(64, 3071f, 1.0);
        LesionPatches p = extractor.extract("L", new LesionSlices(key, below, above), 32, 32);
        assertThat(p.neighboursPresent()).isTrue();
        float[] patch = p.patches().get(1);
        int plane = 32 * 32;
        assertThat(patch[5]).isEqualTo(0f);
        assertThat(patch[plane + 5]).isCloseTo(2024f / 4095f, within(1e-5f));
        assertThat(patch[2 * plane + 5]).isEqualTo(1f);
    }

    @Test
    void neighboursOfAnotherGeometryAreNotMixedIn() {
        HuSlice key = TestSlices.constant(64, 0f, 1.0), other = TestSlices.constant(32, 0f, 1.0);
        assertThat(extractor.extract("L", new LesionSlices(key, other, other), 32, 32).neighboursPresent()).isFalse();
    }

    @Test
    void wideScalesAverageInsteadOfAliasing() {
        // one-pixel stripes of -1000 and +1000 HU: a 320 mm field at 32 px (10 mm per pixel) must see their mean
        int n = 512;
        float[] v = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                v[y * n + x] = x % 2 == 0 ? -1000f : 1000f;
            }
        }
        HuSlice stripes = new HuSlice("stripes", n, n, v, 0.7, 0.7);
        PatchExtractor region = new PatchExtractor(new org.lesionsearch.models.input.PatchSpec(
                java.util.List.of(new PatchScale("region", 320, 32)), new double[] {-1000, 1000},
                new double[][] {{-1000, 1000}, {-1000, 1000}, {-1000, 1000}}));
        float[] p = region.extract("s", LesionSlices.keyOnly(stripes), 256, 256).patches().getFirst();
        for (int i = 8; i < 24; i++) {
            assertThat(p[16 * 32 + i]).as("pixel " + i).isCloseTo(0.5f, within(0.08f));
        }
        assertThat(PatchExtractor.subsamples(1.9)).isEqualTo(1);
        assertThat(PatchExtractor.subsamples(2.7)).isEqualTo(3);
        assertThat(PatchExtractor.subsamples(14)).isEqualTo(4);
    }

    @Property(tries = 200)
    void resamplingReproducesALinearRampAtTheScaleMillimetres(@ForAll @DoubleRange(min = -3, max = 3) double a,
            @ForAll @DoubleRange(min = -3, max = 3) double b, @ForAll @DoubleRange(min = 0.5, max = 1.0) double sx,
            @ForAll @DoubleRange(min = 0.5, max = 1.0) double sy, @ForAll @DoubleRange(min = 200, max = 312) double cx,
            @ForAll @DoubleRange(min = 200, max = 312) double cy, @ForAll boolean wideField) {
        HuSlice ramp = TestSlices.ramp(512, 512, a, b, 0, sx, sy);
        // 64 mm at 32 px samples bilinearly; 96 mm at 16 px averages 3 x 3 or 4 x 4 samples per pixel
        double fieldMm = wideField ? 96 : 64;
        int size = wideField ? 16 : 32;
        PatchExtractor wide = new PatchExtractor(new org.lesionsearch.models.input.PatchSpec(
                java.util.List.of(new PatchScale("s", fieldMm, size)), new double[] {-4000, 4000},
                new double[][] {{-4000, 4000}, {-4000, 4000}, {-4000, 4000}}));
        float[] patch = wide.extract("ramp", LesionSlices.keyOnly(ramp), cx, cy).patches().getFirst();
        double mmPerPx = fieldMm / size;
        double half = (size - 1) / 2.0;
        for (int j = 0; j < size; j += 3) {
            for (int i = 0; i < size; i += 5) {
                double x = cx + (i - half) * mmPerPx / sx, y = cy + (j - half) * mmPerPx / sy;
                double expected = (a * x + b * y + 4000) / 8000;
                assertThat((double) patch[j * size + i]).isCloseTo(expected, within(1e-4));
            }
        }
    }
}
