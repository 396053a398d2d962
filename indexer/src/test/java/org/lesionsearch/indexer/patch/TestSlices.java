package org.lesionsearch.indexer.patch;

import java.util.List;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.input.PatchSpec;

/** Hand-made slices and a patch spec for tests of patch extraction. */
public final class TestSlices {

    private TestSlices() {
    }

    /** Two scales, the 3DCE window for neighbours and lung, soft-tissue and bone windows as fallback. */
    public static PatchSpec spec() {
        return new PatchSpec(List.of(new PatchScale("lesanet", 120, 64), new PatchScale("context", 60, 32)),
                new double[] {-1024, 3071}, new double[][] {{-1350, 150}, {-175, 275}, {-500, 1300}});
    }

    /** Every pixel {@code hu}. */
    public static HuSlice constant(int size, float hu, double spacing) {
        float[] v = new float[size * size];
        java.util.Arrays.fill(v, hu);
        return new HuSlice("constant " + hu, size, size, v, spacing, spacing);
    }

    /** {@code a * x + b * y + c} at pixel (x, y). */
    public static HuSlice ramp(int width, int height, double a, double b, double c, double sx, double sy) {
        float[] v = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                v[y * width + x] = (float) (a * x + b * y + c);
            }
        }
        return new HuSlice("ramp", width, height, v, sx, sy);
    }

    /** Background {@code outside} with a disk of {@code inside} of radius {@code radiusPx} at (cx, cy). */
    public static HuSlice disk(int size, double cx, double cy, double radiusPx, float inside, float outside, double spacing) {
        float[] v = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                v[y * size + x] = Math.hypot(x - cx, y - cy) <= radiusPx ? inside : outside;
            }
        }
        return new HuSlice("disk", size, size, v, spacing, spacing);
    }
}
