package org.lesionsearch.indexer.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.indexer.patch.TestSlices;
import org.lesionsearch.models.inference.Encoding;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;

/**
 * A test fixture, not a model: the embedding is the first patch scale's channel mean pooled to
 * 32 x 32 = 1024 values, centred and L2-normalised, so that it follows real patch content. It
 * predicts no labels, and z is the mean intensity. It can be told to fail for chosen lesions or
 * to die after a number of lesions, to stand for a crash.
 */
final class PatchPoolingTestEncoder implements LesionEncoder {

    static final ModelInfo MODEL = new ModelInfo("test-patch-pooling", "1");

    private final ModelInfo model;
    private final Predicate<String> failFor;
    private final int dieAfter;
    private final AtomicInteger encoded = new AtomicInteger();
    final AtomicInteger batches = new AtomicInteger();

    PatchPoolingTestEncoder() {
        this(MODEL, key -> false, Integer.MAX_VALUE);
    }

    PatchPoolingTestEncoder(ModelInfo model, Predicate<String> failFor, int dieAfter) {
        this.model = model;
        this.failFor = failFor;
        this.dieAfter = dieAfter;
    }

    /** What a crash looks like from inside: an error nothing catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public PatchSpec inputSpec() {
        return TestSlices.spec();
    }

    @Override
    public List<Encoding> encode(List<LesionPatches> batch) {
        batches.incrementAndGet();
        List<Encoding> out = new ArrayList<>(batch.size());
        for (LesionPatches p : batch) {
            if (encoded.incrementAndGet() > dieAfter) {
                throw new SimulatedCrash();
            }
            if (failFor.test(p.key())) {
                throw new IllegalStateException("cannot encode " + p.key());
            }
            out.add(encode(p));
        }
        return out;
    }

    private static Encoding encode(LesionPatches p) {
        float[] patch = p.patches().getFirst();
        int n = (int) Math.round(Math.sqrt(patch.length / 3.0));
        int cells = 32, step = Math.max(1, n / cells);
        float[] e = new float[Lesion.EMBEDDING_DIM];
        double mean = 0;
        for (int cy = 0; cy < cells; cy++) {
            for (int cx = 0; cx < cells; cx++) {
                double sum = 0;
                int count = 0;
                for (int y = cy * step; y < Math.min(n, (cy + 1) * step); y++) {
                    for (int x = cx * step; x < Math.min(n, (cx + 1) * step); x++) {
                        for (int c = 0; c < 3; c++) {
                            sum += patch[c * n * n + y * n + x];
                            count++;
                        }
                    }
                }
                e[cy * cells + cx] = count == 0 ? 0 : (float) (sum / count);
                mean += e[cy * cells + cx];
            }
        }
        mean /= e.length;
        double norm = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] -= (float) mean;
            norm += e[i] * e[i];
        }
        if (norm < 1e-12) {
            e[0] = 1;
            norm = 1;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < e.length; i++) {
            e[i] *= inv;
        }
        return new Encoding(p.key(), e, null, Set.of(), Math.min(1, Math.max(0, mean)));
    }

    @Override
    public void close() {
    }
}
