package org.lesionsearch.models.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.labeler.LabelRelations;
import org.lesionsearch.models.ssbr.ZCalibration;

/** An encoder over freshly initialised tiny networks: outputs, thresholds, save and load, threads. */
class DjlLesionEncoderTest {

    private static final Architecture TINY = Architecture.withWidth(0.0625, 16);
    private static LabelVocabulary vocabulary;
    private static ModelManifest manifest;
    private static LoadedNetworks networks;
    private static DjlLesionEncoder encoder;

    @BeforeAll
    static void createEncoder() {
        vocabulary = LabelVocabulary.lesaNet171();
        float[] thresholds = new float[vocabulary.size()];
        Arrays.fill(thresholds, 1.1f); // nothing passes, except:
        thresholds[vocabulary.indexOf("left lower lobe").orElseThrow()] = 0f;
        manifest = new ModelManifest("test-model", "0.1", "nothing: random initial weights", TINY.input(),
                TINY.embedder(), TINY.labeler(), TINY.ssbr(), vocabulary.terms(), thresholds, new ZCalibration(0.5, 0.5));
        networks = LoadedNetworks.fresh(TINY, vocabulary.size());
        encoder = new DjlLesionEncoder(manifest, networks, LabelRelations.lesaNet(),
                new EncoderOptions(2, 3));
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void encodesEachLesionInOrderWithUnitEmbeddingsProbabilitiesAndZ() {
        List<LesionPatches> batch = patches(5, 1);
        List<Encoding> out = encoder.encode(batch);
        assertThat(out).extracting(Encoding::key).containsExactly("l0", "l1", "l2", "l3", "l4");
        for (Encoding e : out) {
            assertThat(e.embedding()).hasSize(Lesion.EMBEDDING_DIM);
            double norm = 0;
            for (float v : e.embedding()) {
                norm += v * v;
            }
            assertThat(norm).isCloseTo(1.0, within(1e-4));
            assertThat(e.labelScores()).hasSize(171);
            for (float p : e.labelScores()) {
                assertThat(p).isBetween(0f, 1f);
            }
            assertThat(e.z()).isBetween(0.0, 1.0);
        }
        assertThat(out.get(0).embedding()).isNotEqualTo(out.get(1).embedding());
    }

    @Test
    void thresholdsLabelsAndExpandsThemToTheirParents() {
        Encoding e = encoder.encode(patches(1, 2)).getFirst();
        assertThat(e.labels()).contains("left lower lobe", "left lung", "lung", "chest");
        assertThat(e.labels()).doesNotContain("liver");
    }

    @Test
    void batchesLargerThanTheLimitAreSplitWithoutChangingResults() {
        List<LesionPatches> batch = patches(7, 3);
        List<Encoding> all = encoder.encode(batch);
        List<Encoding> single = encoder.encode(batch.subList(6, 7));
        assertThat(all.get(6).embedding()).usingComparatorWithPrecision(1e-5f).containsExactly(single.getFirst().embedding());
        assertThat(encoder.model().version()).startsWith("0.1+in.").endsWith(TINY.input().fingerprint());
    }

    @Test
    void savedThenLoadedBundleGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        ModelBundles.write(dir, manifest, networks);
        List<LesionPatches> batch = patches(4, 4);
        List<Encoding> before = encoder.encode(batch);
        try (DjlLesionEncoder loaded = ModelBundles.open(dir, new EncoderOptions(1, 3))) {
            List<Encoding> after = loaded.encode(batch);
            for (int i = 0; i < batch.size(); i++) {
                assertThat(after.get(i).embedding()).containsExactly(before.get(i).embedding());
                assertThat(after.get(i).labelScores()).containsExactly(before.get(i).labelScores());
                assertThat(after.get(i).z()).isEqualTo(before.get(i).z());
                assertThat(after.get(i).labels()).isEqualTo(before.get(i).labels());
            }
            assertThat(loaded.model()).isEqualTo(encoder.model());
        }
    }

    @Test
    void halfPrecisionBundlesComputeWhatTheRoundedNetworksCompute(@TempDir Path dir) throws Exception {
        Architecture half = TINY.halfPrecision();
        ModelManifest halfManifest = new ModelManifest("test-model", "0.1", "random", half.input(), half.embedder(),
                half.labeler(), half.ssbr(), vocabulary.terms(), manifest.thresholds(), manifest.zCalibration());
        List<LesionPatches> batch = patches(2, 8);
        try (LoadedNetworks fresh = LoadedNetworks.fresh(half, vocabulary.size());
             DjlLesionEncoder full = new DjlLesionEncoder(halfManifest, fresh, LabelRelations.lesaNet(), new EncoderOptions(1, 4))) {
            float[] before = full.encode(batch).getFirst().embedding();
            for (NetworkRole role : NetworkRole.values()) {
                HalfPrecisionParameters.round(fresh.block(role));
            }
            float[] rounded = full.encode(batch).getFirst().embedding();
            assertThat(rounded).usingComparatorWithPrecision(2e-3f).containsExactly(before);
            ModelBundles.write(dir, halfManifest, fresh);
            assertThat(dir.resolve("embedder.f16").toFile().length())
                    .isLessThan(2 * countParameters(fresh.block(NetworkRole.EMBEDDER)) + 4096);
            try (DjlLesionEncoder loaded = ModelBundles.open(dir, new EncoderOptions(1, 4))) {
                assertThat(loaded.encode(batch).getFirst().embedding()).containsExactly(rounded);
            }
        }
    }

    private static long countParameters(ai.djl.nn.Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Test
    void threadsShareOneEncoderAndGetTheSameAnswers() throws Exception {
        List<LesionPatches> batch = patches(3, 5);
        float[] expected = encoder.encode(batch).get(2).embedding();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> encoder.encode(batch).get(2).embedding()));
            }
            for (Future<float[]> f : futures) {
                assertThat(f.get()).usingComparatorWithPrecision(1e-5f).containsExactly(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badPatchesAreRejectedNamingTheLesion() {
        List<LesionPatches> batch = new ArrayList<>(patches(2, 6));
        float[] broken = batch.get(1).patches().get(0).clone();
        broken[5] = Float.NaN;
        List<float[]> scales = new ArrayList<>(batch.get(1).patches());
        scales.set(0, broken);
        batch.set(1, new LesionPatches("bad-one", scales, true));
        assertThatThrownBy(() -> encoder.encode(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-one").hasMessageContaining("lesion").hasMessageContaining("NaN");
        assertThatThrownBy(() -> encoder.encode(List.of(new LesionPatches("short", List.of(new float[3]), true))))
                .hasMessageContaining("short").hasMessageContaining("expected 3 patch scales");
    }

    @Test
    void sliceScoresAreTheRawScoresBehindEachLesionsZ() {
        List<LesionPatches> batch = patches(5, 4); // more than one batch of 3
        int region = TINY.input().scales().indexOf(TINY.input().scale(Architecture.REGION).orElseThrow());
        double[] scores = encoder.sliceScores(batch.stream().map(p -> p.patches().get(region)).toList());
        List<Encoding> encoded = encoder.encode(batch);
        assertThat(scores).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(manifest.zCalibration().z(scores[i])).isCloseTo(encoded.get(i).z(), within(1e-5));
        }
        assertThat(scores[0]).isNotEqualTo(scores[1]);
        assertThatThrownBy(() -> encoder.sliceScores(List.of(new float[7]))).hasMessageContaining("slice patch 0");
    }

    static List<LesionPatches> patches(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LesionPatches> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<float[]> scales = new ArrayList<>();
            for (PatchScale scale : TINY.input().scales()) {
                float[] p = new float[3 * scale.sizePx() * scale.sizePx()];
                for (int k = 0; k < p.length; k++) {
                    p[k] = (float) random.nextDouble();
                }
                scales.add(p);
            }
            out.add(new LesionPatches("l" + i, scales, true));
        }
        return out;
    }
}
