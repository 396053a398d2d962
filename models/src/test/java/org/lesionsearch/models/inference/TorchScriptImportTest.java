package org.lesionsearch.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.ssbr.ZCalibration;

/**
 * Networks trained elsewhere, saved as TorchScript by PyTorch ({@code make_fixtures.py} beside
 * the fixtures), run through the encoder. Their weights follow closed formulas, so every output
 * is checked against a value computed here.
 */
class TorchScriptImportTest {

    private static final Architecture SHAPE = Architecture.withWidth(0.0625, 16);

    @Test
    void encoderRunsTorchScriptNetworksAndGivesTheirOutputs(@TempDir Path dir) throws Exception {
        for (String file : List.of("embedder.pt", "labeler.pt", "ssbr.pt")) {
            try (InputStream in = getClass().getResourceAsStream("/org/lesionsearch/models/torchscript/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        float[] thresholds = new float[vocabulary.size()];
        Arrays.fill(thresholds, 0.5f);
        ModelManifest manifest = new ModelManifest("imported", "1.0", "closed-form fixture weights", SHAPE.input(),
                new NetworkEntry(NetworkFormat.TORCHSCRIPT, "embedder.pt", List.of("lesion", "context"), null, null),
                new NetworkEntry(NetworkFormat.TORCHSCRIPT, "labeler.pt", List.of("context"), null, null),
                new NetworkEntry(NetworkFormat.TORCHSCRIPT, "ssbr.pt", List.of("region"), null, null),
                vocabulary.terms(), thresholds, new ZCalibration(0.1, 0.2));
        try (OutputStream out = Files.newOutputStream(dir.resolve(ModelManifest.FILE))) {
            ManifestJson.write(manifest, out);
        }

        float[] lesion = {0.2f, 0.4f, 0.6f};
        float[] context = {0.9f, 0.5f, 0.1f};
        float[] region = {0.3f, 0.7f, 0.2f};
        try (DjlLesionEncoder encoder = ModelBundles.open(dir, new EncoderOptions(1, 8))) {
            Encoding e = encoder.encode(List.of(constant("imported-1", lesion, context, region))).getFirst();

            double[] means = {0.2, 0.4, 0.6, 0.9, 0.5, 0.1};
            double[] expected = new double[1024];
            double norm = 0;
            for (int j = 0; j < 1024; j++) {
                for (int k = 0; k < 6; k++) {
                    expected[j] += Math.cos(0.01 * (j + 1) * (k + 1)) * means[k];
                }
                norm += expected[j] * expected[j];
            }
            for (int j = 0; j < 1024; j += 97) {
                assertThat(e.embedding()[j]).isCloseTo((float) (expected[j] / Math.sqrt(norm)), within(1e-5f));
            }
            for (int c = 0; c < 171; c += 17) {
                double logit = (c + 1) / 171.0 * (0.9 - 0.1) + c / 171.0 - 0.5;
                assertThat(e.labelScores()[c]).isCloseTo((float) (1 / (1 + Math.exp(-logit))), within(1e-5f));
            }
            // label 0 has logit 0.8/171 − 0.5 < 0; the last has 0.8 + 170/171 − 0.5 > 0
            assertThat(e.labelScores()[0]).isLessThan(0.5f);
            assertThat(e.labels()).contains(vocabulary.term(170));
            for (int c = 0; c < 171; c++) {
                if (e.labelScores()[c] >= 0.5f) {
                    assertThat(e.labels()).contains(vocabulary.term(c));
                }
            }
            double score = 10 * 0.7 - 2;
            assertThat(e.z()).isCloseTo(Math.clamp(0.1 * score + 0.2, 0, 1), within(1e-5));
            assertThat(encoder.model().name()).isEqualTo("imported");
        }
    }

    @Test
    void aCorruptTorchScriptFileIsReportedWithItsName(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("labeler.pt"), new byte[] {1, 2, 3, 4});
        ModelManifest manifest = new ModelManifest("broken", "1", "n/a", SHAPE.input(), SHAPE.embedder(),
                new NetworkEntry(NetworkFormat.TORCHSCRIPT, "labeler.pt", List.of("context"), null, null), SHAPE.ssbr(),
                LabelVocabulary.lesaNet171().terms(), new float[171], new ZCalibration(1, 0));
        try (OutputStream out = Files.newOutputStream(dir.resolve(ModelManifest.FILE))) {
            ManifestJson.write(manifest, out);
        }
        try (LoadedNetworks fresh = LoadedNetworks.fresh(SHAPE, 171)) {
            ModelBundles.writeParameters(fresh.block(NetworkRole.EMBEDDER), dir.resolve("embedder.params"));
            ModelBundles.writeParameters(fresh.block(NetworkRole.SSBR), dir.resolve("ssbr.params"));
        }
        assertThatThrownBy(() -> ModelBundles.open(dir, EncoderOptions.defaults()))
                .hasMessageContaining("labeler.pt").hasMessageContaining("TORCHSCRIPT");
    }

    @Test
    void aMissingBundleSaysNoWeightsAreInstalled(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelBundles.open(dir, EncoderOptions.defaults()))
                .hasMessageContaining("no model weights are installed").hasMessageContaining(dir.toString());
    }

    private static LesionPatches constant(String key, float[] lesion, float[] context, float[] region) {
        List<float[]> scales = new ArrayList<>();
        float[][] values = {lesion, context, region};
        int i = 0;
        for (PatchScale scale : SHAPE.input().scales()) {
            int area = scale.sizePx() * scale.sizePx();
            float[] p = new float[3 * area];
            for (int c = 0; c < 3; c++) {
                Arrays.fill(p, c * area, (c + 1) * area, values[i][c]);
            }
            scales.add(p);
            i++;
        }
        return new LesionPatches(key, scales, true);
    }
}
