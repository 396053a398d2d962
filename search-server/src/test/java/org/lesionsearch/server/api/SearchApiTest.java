package org.lesionsearch.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;

/** POST /api/search and GET /api/lesions/{id}/similar over real HTTP against a small known index. */
class SearchApiTest {

    @TempDir
    static Path dir;

    private static ApiHarness api;
    private static final List<Lesion> LESIONS = new ArrayList<>();

    /**
     * 60 lesions of 6 patients: lesion i has size 5 + i mm, age 30 + i % 40, liver labels when i is
     * even and lung labels when odd, location x = (i % 10) / 10.
     */
    @BeforeAll
    static void fill() {
        api = ApiHarness.start(dir);
        TestLesions fixtures = new TestLesions(5);
        for (int i = 0; i < 60; i++) {
            String patient = "P" + (i % 6);
            String study = patient + "_S" + (i / 30);
            boolean liver = i % 2 == 0;
            LESIONS.add(fixtures.lesion(String.format("L%03d", i), patient, study)
                    .recist(Recist.of(5 + i, 3)).patientAge(30 + i % 40).sex(i % 3 == 0 ? Sex.F : Sex.M)
                    .location(new BodyLocation((i % 10) / 10.0, 0.5, 0.5))
                    .studyDate(LocalDate.of(2019, 1, 1).plusDays(i))
                    .coarseType(liver ? CoarseType.LIVER : CoarseType.LUNG)
                    .labels(liver ? Set.of("liver", "hypoattenuation") : Set.of("lung", "nodule"))
                    .reportLabels(liver ? Set.of("liver", "cyst") : Set.of())
                    .build());
        }
        assertThat(api.postJson("/api/lesions", LESIONS).at("/written").asInt()).isEqualTo(60);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode search(String body) {
        ApiHarness.Reply reply = api.post("/api/search", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> ids(JsonNode answer) {
        return StreamSupport.stream(answer.get("hits").spliterator(), false).map(h -> h.at("/lesion/id").asText()).toList();
    }

    private static String vectorOf(int i) throws Exception {
        return api.mapper.writeValueAsString(LESIONS.get(i).embedding());
    }

    @Test
    void aLesionsOwnVectorFindsItFirstWithSimilarityOne() throws Exception {
        JsonNode answer = search("{\"vector\":" + vectorOf(17) + ",\"k\":5}");
        assertThat(ids(answer)).hasSize(5).first().isEqualTo("L017");
        assertThat(answer.at("/hits/0/similarity").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(answer.at("/hits/1/similarity").asDouble()).isLessThan(answer.at("/hits/0/similarity").asDouble());
        assertThat(answer.at("/total").asLong()).isEqualTo(60);
        assertThat(answer.at("/plan").asText()).isIn("EXACT", "HNSW");
        assertThat(answer.at("/tookMs").asDouble()).isNotNegative();
        assertThat(answer.at("/hits/0/lesion").has("embedding")).isFalse();
        assertThat(answer.has("facets")).isFalse();
    }

    @Test
    void anExampleLesionIsTheQueryAndIsLeftOut() {
        JsonNode answer = search("{\"example\":\"L017\",\"k\":59}");
        assertThat(ids(answer)).hasSize(59).doesNotContain("L017");
        JsonNode similar = api.get("/api/lesions/L017/similar?k=59").json();
        assertThat(ids(similar)).isEqualTo(ids(answer));
    }

    @Test
    void similarCanKeepToOtherPatientsAndReturnVectorsWhenAsked() {
        ApiHarness.Reply reply = api.get("/api/lesions/L017/similar?k=100&otherPatients=true&include=embedding");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/hits")).hasSize(50).allSatisfy(h -> {
            assertThat(h.at("/lesion/patientId").asText()).isNotEqualTo("P5");
            assertThat(h.at("/lesion/embedding")).hasSize(1024);
        });
    }

    @Test
    void labelFiltersCombineAllAnyAndNoneOverEitherLabelSet() {
        assertThat(search("{\"filter\":{\"labels\":{\"all\":[\"liver\",\"hypoattenuation\"]}},\"k\":100}").at("/total").asLong())
                .isEqualTo(30);
        assertThat(search("{\"filter\":{\"labels\":{\"any\":[\"liver\",\"nodule\"]}},\"k\":100}").at("/total").asLong())
                .isEqualTo(60);
        assertThat(search("{\"filter\":{\"labels\":{\"none\":[\"liver\"]}},\"k\":100}").at("/total").asLong()).isEqualTo(30);
        assertThat(search("{\"filter\":{\"labels\":{\"all\":[\"cyst\"],\"source\":\"report\"}},\"k\":100}").at("/total").asLong())
                .isEqualTo(30);
        assertThat(search("{\"filter\":{\"labels\":{\"all\":[\"cyst\"],\"source\":\"predicted\"}},\"k\":100}").at("/total").asLong())
                .isZero();
    }

    @Test
    void everyFilterFieldNarrowsTheHitsAsItSays() {
        JsonNode answer = search("{\"filter\":{\"patient\":\"P2\",\"study\":\"P2_S1\",\"coarseType\":\"liver\","
                + "\"sizeMm\":{\"min\":40},\"age\":{\"max\":69},\"sex\":\"M\",\"location\":{\"x\":{\"min\":0.1,\"max\":0.5}},"
                + "\"studyDate\":{\"from\":\"2019-01-30\",\"to\":\"2019-03-01\"},\"exclude\":[\"L050\"]},\"k\":100}");
        Map<String, Lesion> byId = new HashMap<>();
        LESIONS.forEach(l -> byId.put(l.id().value(), l));
        List<String> expected = LESIONS.stream().filter(l -> l.patientId().equals("P2") && l.studyId().equals("P2_S1")
                && l.coarseType() == CoarseType.LIVER && l.sizeMm() >= 40 && l.patientAge() <= 69 && l.sex() == Sex.M
                && l.location().x() >= 0.1 && l.location().x() <= 0.5 && !l.studyDate().isBefore(LocalDate.of(2019, 1, 30))
                && !l.studyDate().isAfter(LocalDate.of(2019, 3, 1)) && !l.id().value().equals("L050"))
                .map(l -> l.id().value()).sorted().toList();
        assertThat(expected).isNotEmpty();
        assertThat(ids(answer)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(answer.at("/total").asLong()).isEqualTo(expected.size());
        assertThat(answer.at("/plan").asText()).isEqualTo("FILTER_ONLY");
        assertThat(answer.at("/hits/0").has("similarity")).isFalse();
        assertThat(search("{\"filter\":{\"coarseType\":[\"liver\",\"lung\"]},\"k\":1}").at("/total").asLong()).isEqualTo(60);
    }

    @Test
    void pagesAreStableAndSortsOrderBySize() throws Exception {
        String query = "{\"vector\":" + vectorOf(3) + ",\"k\":10,\"offset\":%d}";
        List<String> all = ids(search(String.format(query.replace("\"k\":10", "\"k\":30"), 0)));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 10) {
            JsonNode page = search(String.format(query, offset));
            assertThat(page.at("/offset").asInt()).isEqualTo(offset);
            paged.addAll(ids(page));
        }
        assertThat(paged).isEqualTo(all);

        assertThat(ids(search("{\"sort\":\"size_desc\",\"k\":3}"))).containsExactly("L059", "L058", "L057");
        assertThat(ids(search("{\"sort\":\"SIZE_ASC\",\"k\":3,\"offset\":1}"))).containsExactly("L001", "L002", "L003");
    }

    @Test
    void facetsCountLabelsPerClassOverTheWholeFilter() {
        JsonNode answer = search("{\"filter\":{\"labels\":{\"all\":[\"liver\"]}},\"k\":1,\"facets\":true,\"include\":[\"labelScores\"]}");
        assertThat(answer.at("/facets/bodypart/liver").asLong()).isEqualTo(30);
        assertThat(answer.at("/facets/attribute/hypoattenuation").asLong()).isEqualTo(30);
        assertThat(answer.at("/facets/bodypart").has("lung")).isFalse();
        assertThat(answer.at("/facets").has("type")).isTrue();
        assertThat(answer.at("/hits/0/lesion/labelScores")).hasSize(171);
        assertThat(answer.at("/hits/0/lesion").has("embedding")).isFalse();
    }
}
