package org.lesionsearch.models.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.models.benchmark.EncoderBenchmark;

/** The shipped demo weights open from the classpath, say what they were trained on, and encode. */
class DemoBundleTest {

    @Test
    void demoWeightsShipWithTheirModelCardAndEncode() throws Exception {
        assertThat(ModelBundles.demoAvailable()).isTrue();
        try (InputStream card = getClass().getClassLoader().getResourceAsStream(ModelBundles.DEMO_FOLDER + "/MODEL_CARD.md")) {
            assertThat(card).isNotNull();
            String text = new String(card.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).containsIgnoringCase("synthetic").contains("precision@5").contains("AUC");
        }
        try (DjlLesionEncoder encoder = ModelBundles.openDemo()) {
            assertThat(encoder.manifest().trainedOn()).containsIgnoringCase("synth");
            assertThat(encoder.inputSpec().fingerprint()).isEqualTo(Architecture.slim().input().fingerprint());
            List<Encoding> out = encoder.encode(EncoderBenchmark.randomPatches(encoder.inputSpec(), 3, 5));
            assertThat(out).hasSize(3).allSatisfy(e -> {
                assertThat(e.embedding()).hasSize(1024);
                assertThat(e.labelScores()).hasSize(171);
                assertThat(e.z()).isBetween(0.0, 1.0);
            });
        }
    }
}
