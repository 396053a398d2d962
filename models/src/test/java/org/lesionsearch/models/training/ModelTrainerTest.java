package org.lesionsearch.models.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.models.inference.Architecture;
import org.lesionsearch.models.inference.DjlLesionEncoder;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.Encoding;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.models.inference.ModelManifest;
import org.lesionsearch.models.inference.NetworkRole;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.labeler.LabelRelations;

/** Short training runs of all three networks on tiny in-memory data: files, resume, a usable bundle. */
class ModelTrainerTest {

    private static final Architecture TINY = Architecture.withWidth(0.0625, 16);

    @Test
    void trainsEachNetworkResumesAndAssemblesABundle(@TempDir Path out) throws Exception {
        TrainingData data = data();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ModelTrainer trainer = new ModelTrainer(TINY.halfPrecision(), LabelRelations.lesaNet(), 8,
                new PrintStream(log, true, StandardCharsets.UTF_8));

        trainer.train(NetworkRole.EMBEDDER, data, new TrainOptions(4, 10, 1e-3f, 7, 2, 2), out, false);
        trainer.train(NetworkRole.SSBR, data, new TrainOptions(3, 16, 1e-3f, 7, 2, 1), out, false);
        assertThat(ModelTrainer.assemble(out, "tiny", "0")).isEmpty(); // the labeler is missing
        NetworkPart labeler = trainer.train(NetworkRole.LABELER, data, new TrainOptions(3, 8, 1e-3f, 7, 2, 1), out, false);
        // resume the labeler to 5 steps: the curve keeps steps 0..2 and adds 3..4
        trainer.train(NetworkRole.LABELER, data, new TrainOptions(5, 8, 1e-3f, 7, 2, 1), out, true);

        List<String> curve = Files.readAllLines(out.resolve("run/labeler-loss.csv"));
        assertThat(curve.getFirst()).isEqualTo("step,loss,wce,rhem,wce_spl,triplet");
        assertThat(curve.subList(1, curve.size())).extracting(line -> line.split(",")[0])
                .containsExactly("0", "1", "2", "3", "4");
        assertThat(out.resolve("run/embedder-loss.png")).isRegularFile();
        assertThat(out.resolve("labeler.f16")).isRegularFile();
        assertThat(Files.readString(out.resolve("run/checkpoints/labeler.step")).trim()).isEqualTo("4");
        assertThat(labeler.metrics()).containsKeys("mean_auc", "final_loss");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("labeler [").contains("ETA");

        ModelManifest manifest = ModelTrainer.assemble(out, "tiny", "0").orElseThrow();
        assertThat(manifest.thresholds()).hasSize(171);
        try (DjlLesionEncoder encoder = ModelBundles.open(out, new EncoderOptions(1, 4))) {
            List<Encoding> encodings = encoder.encode(data.lesions().subList(0, 3).stream().map(TrainingLesion::patches).toList());
            assertThat(encodings).hasSize(3);
            assertThat(encodings.getFirst().z()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aTimeBudgetEndsTrainingEarlyAndStillWritesTheNetwork(@TempDir Path out) throws Exception {
        ModelTrainer trainer = new ModelTrainer(TINY, LabelRelations.lesaNet(), 8,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        NetworkPart part = trainer.train(NetworkRole.SSBR, data(), new TrainOptions(100_000, 16, 1e-3f, 7, 1000, 1, 1), out, false);
        assertThat(part.metrics().get("steps_run")).isBetween(1.0, 99_999.0);
        assertThat(out.resolve("ssbr.params")).isRegularFile();
        int steps = part.metrics().get("steps_run").intValue();
        assertThat(Files.readString(out.resolve("run/checkpoints/ssbr.step")).trim()).isEqualTo(Integer.toString(steps - 1));
    }

    /** Two coarse types that differ in brightness, at two body heights, with two sizes each. */
    static TrainingData data() {
        SplittableRandom random = new SplittableRandom(11);
        List<TrainingLesion> lesions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean liver = i % 2 == 0;
            CoarseType type = liver ? CoarseType.LIVER : CoarseType.LUNG;
            double z = (liver ? 0.55 : 0.3) + (i % 4 < 2 ? 0 : 0.2);
            double size = i % 8 < 4 ? 10 : 30;
            Split split = i < 24 ? Split.TRAIN : i < 32 ? Split.VALIDATION : Split.TEST;
            Set<String> labels = liver ? Set.of("liver", "hypoattenuation") : Set.of("lung", "nodule");
            lesions.add(new TrainingLesion("l" + i, "p" + (i / 4), "s" + (i % 2), "p" + (i / 4) + "-" + (i % 2 == 0 ? "a" : "b"),
                    type, new BodyLocation(0.5, 0.5, z), size, labels, patches("l" + i, liver ? 0.7 : 0.2, z, random), split));
        }
        List<SliceVolume> volumes = new ArrayList<>();
        for (int v = 0; v < 3; v++) {
            List<float[]> slices = new ArrayList<>();
            for (int s = 0; s < 12; s++) {
                slices.add(constant(3 * 32 * 32, s / 12f, random));
            }
            volumes.add(new SliceVolume("v" + v, slices));
        }
        return new TrainingData(lesions, volumes, "tiny test data");
    }

    private static LesionPatches patches(String key, double brightness, double z, SplittableRandom random) {
        List<float[]> scales = new ArrayList<>();
        for (PatchScale scale : TINY.input().scales()) {
            double value = scale.name().equals(Architecture.REGION) ? z : brightness;
            scales.add(constant(3 * scale.sizePx() * scale.sizePx(), (float) value, random));
        }
        return new LesionPatches(key, scales, true);
    }

    private static float[] constant(int n, float value, SplittableRandom random) {
        float[] p = new float[n];
        for (int k = 0; k < n; k++) {
            p[k] = value + (float) (random.nextDouble() * 0.05);
        }
        return p;
    }
}
