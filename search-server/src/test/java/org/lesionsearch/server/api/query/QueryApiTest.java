package org.lesionsearch.server.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.server.api.ApiHarness;

/** {@code GET /api/search?q=} over real HTTP and a real Lucene index. */
class QueryApiTest {

    private static final LabelVocabulary VOCABULARY = LabelVocabulary.lesaNet171();

    @TempDir
    static Path dir;
    private static ApiHarness api;

    @BeforeAll
    static void start() {
        api = ApiHarness.start(dir);
        SplittableRandom random = new SplittableRandom(3);
        List<Lesion> lesions = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            for (int i = 0; i < 4; i++) {
                boolean liver = i % 2 == 0;
                Map<String, Float> scores = liver ? Map.of("liver", 0.6f + 0.05f * p, "hypoattenuation", 0.55f + 0.05f * i)
                        : Map.of("lung", 0.9f, "right upper lobe", 0.8f, "nodule", 0.7f, "cavitary", p % 2 == 0 ? 0.6f : 0.2f);
                lesions.add(lesion(String.format("%06d_01_01_%03d_%d", p, 10 + i, i), String.format("%06d", p), scores,
                        liver ? CoarseType.LIVER : CoarseType.LUNG, 8 + 5 * i + p, random));
            }
        }
        assertThat(api.index().upsert(lesions).rejected()).isEmpty();
        api.index().commit();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static ApiHarness.Reply search(String q, String more) {
        return api.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
    }

    @Test
    void wordsFindLabelledLesionsRankedAndExplained() {
        ApiHarness.Reply r = search("hypodense liver lesion", "&k=5&facets=true");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/query").asText()).isEqualTo("hypodense liver lesion");
        assertThat(r.at("/labels/0/term").asText()).isEqualTo("hypoattenuation");
        assertThat(r.at("/labels/1/term").asText()).isEqualTo("liver");
        assertThat(r.at("/total").asLong()).isEqualTo(12);
        assertThat(r.at("/hits")).hasSize(5);
        JsonNode first = r.at("/hits/0");
        assertThat(first.at("/explanation/sharedLabels")).hasSize(2);
        assertThat(first.at("/explanation/labelAgreement").asDouble()).isEqualTo(first.at("/score").asDouble() / 0.3,
                org.assertj.core.api.Assertions.within(1e-9));
        List<Double> scores = new ArrayList<>();
        r.at("/hits").forEach(h -> scores.add(h.at("/score").asDouble()));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(first.at("/lesion/embedding").isMissingNode()).isTrue();
        assertThat(r.at("/facets/bodypart/liver").asLong()).isEqualTo(12);
    }

    @Test
    void anExampleLesionRanksBySimilarityAndLabels() {
        ApiHarness.Reply r = search("similar:000000_01_01_011_1 lung", "&fusion=rrf");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/hits/0/explanation/cosine").isNumber()).isTrue();
        assertThat(r.at("/hits/0/explanation/sizeRatio").isNumber()).isTrue();
        assertThat(r.at("/hits").findValuesAsText("id")).doesNotContain("000000_01_01_011_1");
    }

    @Test
    void groupingByPatientGivesEachPatientOnce() {
        ApiHarness.Reply r = search("nodule \"right upper lobe\"", "&groupBy=patient&perPatient=2&k=4");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/groups")).hasSize(4);
        Set<String> patients = new HashSet<>();
        r.at("/groups").forEach(g -> {
            assertThat(patients.add(g.at("/patientId").asText())).isTrue();
            assertThat(g.at("/hits").size()).isBetween(1, 2);
            g.at("/hits").forEach(h -> assertThat(h.at("/lesion/patientId").asText()).isEqualTo(g.at("/patientId").asText()));
        });
        assertThat(r.at("/hits").isMissingNode()).isTrue();
    }

    @Test
    void deidentifiedAnswersCarryStablePseudonymsAndNoDates() {
        ApiHarness.Reply a = search("cavitary lung", "&deidentified=true&groupBy=patient");
        ApiHarness.Reply b = search("cavitary lung", "&deidentified=true&groupBy=patient");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.at("/deidentified").asBoolean()).isTrue();
        String text = a.text();
        assertThat(a.json().findValuesAsText("patientId")).isNotEmpty().allMatch(id -> id.startsWith("P-"));
        assertThat(a.json().findValuesAsText("studyId")).isNotEmpty().allMatch(id -> id.startsWith("S-"));
        assertThat(text).doesNotContain("\"00000").doesNotContain("_01_01_").doesNotContain("2020-")
                .doesNotContain("studyDate").doesNotContain("seriesId").doesNotContain("source");
        assertThat(a.at("/groups/0/patientId").asText()).startsWith("P-").isEqualTo(b.at("/groups/0/patientId").asText());
        assertThat(a.at("/groups/0/hits/0/lesion/id").asText()).startsWith("L-");
        assertThat(a.at("/groups/0/hits/0/lesion/patientId").asText()).isEqualTo(a.at("/groups/0/patientId").asText());
    }

    @Test
    void queryErrorsSayWhereAndSuggest() {
        ApiHarness.Reply r = search("liver hypodnese", "");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/field").asText()).isEqualTo("q");
        assertThat(r.at("/position").asInt()).isEqualTo(6);
        assertThat(r.at("/length").asInt()).isEqualTo(9);
        assertThat(r.at("/suggestions/0").asText()).isEqualTo("hypodense");
        assertThat(r.at("/message").asText()).startsWith("unknown word 'hypodnese'");
        assertThat(r.at("/pointer").asText()).endsWith("      ^^^^^^^^^");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "q=liver%20spleen|400|'liver' and 'spleen' are mutually exclusive, so no lesion can have both; use OR to find either (at position 6)",
        "q=size%3Abig|400|size: 'big' is not a number or range; write size:10..30mm, size:>2cm or size:<=15mm (at position 5)",
        "q=%28liver|400|'(' is never closed (at position 0)",
        "k=3|400|query parameter 'q' is missing, e.g. q=hypodense liver lesion size:>10mm",
        "q=liver&colour=red|400|unknown query parameter 'colour' (known: deidentified, facets, fusion, groupBy, include, k, offset, perPatient, q)",
        "q=liver&groupBy=study|400|groupBy can only be 'patient', was 'study'",
        "q=liver&fusion=max|400|fusion must be 'weighted' or 'rrf', was 'max'",
        "q=liver&k=0|422|k must be between 1 and 1000, was 0",
        "q=liver%20k%3A1000&offset=20000|422|offset must be between 0 and 10000, was 20000",
        "q=similar%3Anobody|422|no lesion with id nobody to use as the example",
        "q=liver&include=everything|400|unknown include 'everything' (expected embedding or labelScores)",
    })
    void badRequestsAreRefusedWithTheMessageAUserSees(String query, int status, String message) {
        ApiHarness.Reply r = api.get("/api/search?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.at("/message").asText()).isEqualTo(message);
    }

    private static Lesion lesion(String id, String patient, Map<String, Float> probabilities, CoarseType type,
            double size, SplittableRandom random) {
        float[] scores = new float[VOCABULARY.size()];
        Set<String> labels = new HashSet<>();
        probabilities.forEach((label, p) -> {
            scores[VOCABULARY.indexOf(label).orElseThrow()] = p;
            if (p >= 0.5f) {
                labels.add(label);
            }
        });
        float[] e = new float[Lesion.EMBEDDING_DIM];
        double n = 0;
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) random.nextGaussian();
            n += e[i] * e[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] /= (float) Math.sqrt(n);
        }
        return Lesion.builder(id).patientId(patient).studyId(patient + "_01").seriesId("01").patientAge(60)
                .studyDate(LocalDate.of(2020, 5, 1)).coarseType(type).recist(Recist.of(size, size / 2))
                .location(new BodyLocation(0.4, 0.5, type == CoarseType.LUNG ? 0.3 : 0.5)).labelScores(scores)
                .labels(labels).embedding(e).model(new ModelInfo("api-test", "1")).source("test").build();
    }
}
