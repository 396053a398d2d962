package org.lesionsearch.models.benchmark;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.lesionsearch.models.backbone.BackboneSpec;
import org.lesionsearch.models.backbone.VggBackbone;
import org.lesionsearch.models.inference.DjlLesionEncoder;
import org.lesionsearch.models.inference.LoadedNetworks;
import org.lesionsearch.models.inference.NetworkRole;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.input.PatchSpec;

/**
 * Inference throughput of an encoder: each network alone and the whole encoding, at several
 * batch sizes, beside a baseline measured in the same run (a full-width VGG-16-BN forward pass
 * on one 64x64 patch per lesion, the reference point for CPU budgets).
 */
public final class EncoderBenchmark {

    /** One measured configuration. */
    public record Row(String what, int batch, int lesions, double seconds) {
        public double lesionsPerSecond() {
            return lesions / seconds;
        }

        public double msPerLesion() {
            return 1000 * seconds / lesions;
        }
    }

    private final double secondsPerRow;

    public EncoderBenchmark(double secondsPerRow) {
        this.secondsPerRow = secondsPerRow;
    }

    public List<Row> run(DjlLesionEncoder encoder, List<Integer> batches, boolean baseline) {
        List<Row> rows = new ArrayList<>();
        for (int batch : batches) {
            List<LesionPatches> lesions = randomPatches(encoder.inputSpec(), batch, 42);
            for (NetworkRole role : NetworkRole.values()) {
                rows.add(measure(role.fileStem(), batch, n -> encoder.runNetwork(role, lesions)));
            }
            rows.add(measure("all three (encode)", batch, n -> encoder.encode(lesions)));
        }
        if (baseline) {
            rows.add(baselineVgg16(8));
        }
        return rows;
    }

    /** Full-width VGG-16-BN on 64x64 patches, one patch per lesion. */
    public Row baselineVgg16(int batch) {
        try (NDManager manager = NDManager.newBaseManager(LoadedNetworks.ENGINE)) {
            VggBackbone vgg = new VggBackbone(new BackboneSpec(1.0, List.of(5)));
            Shape shape = new Shape(batch, 3, 64, 64);
            vgg.initialize(manager, DataType.FLOAT32, shape);
            ParameterStore ps = new ParameterStore(manager, false);
            float[] data = randomArray((int) shape.size(), 7);
            return measure("baseline: VGG-16-BN full width, 1 patch 64px", batch, n -> {
                try (NDManager scratch = manager.newSubManager()) {
                    vgg.forward(ps, new NDList(scratch.create(data, shape)), false).singletonOrThrow().toFloatArray();
                }
            });
        }
    }

    private Row measure(String what, int batch, IntConsumer call) {
        call.accept(0); // warm up: first calls build kernels for the shapes
        call.accept(1);
        long start = System.nanoTime();
        int calls = 0;
        long deadline = start + (long) (secondsPerRow * 1e9);
        do {
            call.accept(calls++);
        } while (System.nanoTime() < deadline || calls < 2);
        return new Row(what, batch, calls * batch, (System.nanoTime() - start) / 1e9);
    }

    /** Patches of uniform noise in [0, 1] for every scale of a spec. */
    public static List<LesionPatches> randomPatches(PatchSpec spec, int count, long seed) {
        List<LesionPatches> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<float[]> scales = new ArrayList<>();
            for (PatchScale scale : spec.scales()) {
                scales.add(randomArray(3 * scale.sizePx() * scale.sizePx(), seed + i * 31L + scales.size()));
            }
            out.add(new LesionPatches("bench-" + i, scales, true));
        }
        return out;
    }

    private static float[] randomArray(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextDouble();
        }
        return a;
    }
}
