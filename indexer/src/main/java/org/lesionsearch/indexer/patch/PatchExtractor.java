package org.lesionsearch.indexer.patch;

import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.input.PatchSpec;

/**
 * Cuts a model's input from the slices of a lesion: at every scale of the {@link PatchSpec}, a
 * square field of fixed millimetres centred on the lesion, bilinearly resampled to the scale's
 * pixels (averaging a grid of bilinear samples per pixel where the scale shrinks the slice more
 * than twofold, so that wide context scales do not alias). The three channels are the slice below, the key slice and the slice above through the
 * spec's HU window, or the key slice through the spec's three fallback windows when the
 * neighbours are missing. Values outside a slice are air.
 */
public final class PatchExtractor {

    private final PatchSpec spec;
    private final HuWindow window;
    private final HuWindow[] fallback;

    public PatchExtractor(PatchSpec spec) {
        this.spec = spec;
        this.window = HuWindow.of(spec.huWindow());
        if (spec.fallbackWindows() == null || spec.fallbackWindows().length != 3) {
            throw new IllegalArgumentException("a patch spec needs exactly three fallback windows");
        }
        this.fallback = new HuWindow[3];
        for (int i = 0; i < 3; i++) {
            fallback[i] = HuWindow.of(spec.fallbackWindows()[i]);
        }
    }

    public PatchSpec spec() {
        return spec;
    }

    /**
     * @param centerX lesion centre in pixels of the key slice (pixel centres at integers)
     * @param centerY lesion centre in pixels of the key slice
     */
    public LesionPatches extract(String key, LesionSlices slices, double centerX, double centerY) {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException(key + ": lesion centre is not finite (" + centerX + ", " + centerY + ")");
        }
        boolean neighbours = slices.hasNeighbours();
        HuSlice[] channelSlices = neighbours
                ? new HuSlice[] {slices.below(), slices.key(), slices.above()}
                : new HuSlice[] {slices.key(), slices.key(), slices.key()};
        HuWindow[] channelWindows = neighbours ? new HuWindow[] {window, window, window} : fallback;
        List<float[]> patches = new ArrayList<>(spec.scales().size());
        for (PatchScale scale : spec.scales()) {
            patches.add(sample(scale, channelSlices, channelWindows, centerX, centerY));
        }
        return new LesionPatches(key, patches, neighbours);
    }

    private static float[] sample(PatchScale scale, HuSlice[] slices, HuWindow[] windows, double cx, double cy) {
        int n = scale.sizePx();
        HuSlice key = slices[1];
        double stepX = scale.mmPerPixel() / key.spacingX();
        double stepY = scale.mmPerPixel() / key.spacingY();
        double half = (n - 1) / 2.0;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = cx + (i - half) * stepX;
        }
        int sub = subsamples(Math.max(stepX, stepY));
        float[] out = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            HuSlice slice = slices[c];
            HuWindow w = windows[c];
            int base = c * n * n;
            for (int j = 0; j < n; j++) {
                double y = cy + (j - half) * stepY;
                int row = base + j * n;
                for (int i = 0; i < n; i++) {
                    out[row + i] = w.apply(sub == 1 ? slice.bilinear(xs[i], y) : area(slice, xs[i], y, stepX, stepY, sub));
                }
            }
        }
        return out;
    }

    /** Samples per axis inside one output pixel: 1 up to a twofold reduction, at most 4. */
    static int subsamples(double sourcePixelsPerOutputPixel) {
        return sourcePixelsPerOutputPixel <= 2 ? 1 : (int) Math.min(4, Math.ceil(sourcePixelsPerOutputPixel));
    }

    /** The mean of {@code sub x sub} bilinear samples spread evenly over one output pixel's footprint. */
    private static float area(HuSlice slice, double x, double y, double stepX, double stepY, int sub) {
        float sum = 0;
        for (int v = 0; v < sub; v++) {
            double sy = y + ((v + 0.5) / sub - 0.5) * stepY;
            for (int u = 0; u < sub; u++) {
                sum += slice.bilinear(x + ((u + 0.5) / sub - 0.5) * stepX, sy);
            }
        }
        return sum / (sub * sub);
    }
}
