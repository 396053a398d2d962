package org.lesionsearch.server.api.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.server.api.ApiHarness;

/** {@code GET /api/lesions/{id}/matches} and {@code GET /api/patients/{pid}/tracks} over real HTTP. */
class MatchingApiTest {

    @TempDir
    static Path dir;
    private static ApiHarness api;

    /**
     * Patient P1: a liver lesion shrinking 30 -> 18 -> 12 mm, a node 20 -> 15 mm short axis that
     * is gone at the third study, and a new lung lesion at the third study. The whole patient
     * lies 0.03 lower (z) in the second study.
     */
    @BeforeAll
    static void start() {
        api = ApiHarness.start(dir);
        LocalDate d = LocalDate.of(2021, 1, 10);
        List<Lesion> lesions = List.of(
                lesion("P1_S1_liver", "S1", d, 0.35, 0.45, 0.55, 30, 20, CoarseType.LIVER, Set.of("liver")),
                lesion("P1_S1_node", "S1", d, 0.55, 0.50, 0.40, 28, 20, CoarseType.MEDIASTINUM, Set.of("mediastinum lymph node")),
                lesion("P1_S2_liver", "S2", d.plusDays(70), 0.36, 0.45, 0.58, 18, 12, CoarseType.LIVER, Set.of("liver")),
                lesion("P1_S2_node", "S2", d.plusDays(70), 0.55, 0.51, 0.43, 22, 15, CoarseType.MEDIASTINUM, Set.of("mediastinum lymph node")),
                lesion("P1_S3_liver", "S3", d.plusDays(150), 0.35, 0.44, 0.55, 12, 8, CoarseType.LIVER, Set.of("liver")),
                lesion("P1_S3_lung", "S3", d.plusDays(150), 0.70, 0.30, 0.25, 9, 6, CoarseType.LUNG, Set.of("lung")));
        assertThat(api.index().upsert(lesions).rejected()).isEmpty();
        api.index().commit();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void matchesNameTheSameLesionInEveryOtherStudyOrNoMatch() {
        ApiHarness.Reply r = api.get("/api/lesions/P1_S1_node/matches?candidates=2");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/lesion/id").asText()).isEqualTo("P1_S1_node");
        assertThat(r.at("/studies")).hasSize(2);
        assertThat(r.at("/studies/0/studyId").asText()).isEqualTo("S2");
        assertThat(r.at("/studies/0/match").asText()).isEqualTo("P1_S2_node");
        assertThat(r.at("/studies/0/candidates/0/probability").asDouble()).isGreaterThan(0.8);
        assertThat(r.at("/studies/0/candidates/0/sizeRatio").asDouble()).isCloseTo(22.0 / 28, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.at("/studies/0/candidates/0/cosine").isMissingNode()).isTrue();
        assertThat(r.at("/studies/0/alignment/dz").asDouble()).isBetween(0.01, 0.04);
        assertThat(r.at("/studies/0/candidates")).hasSize(2);
        assertThat(r.at("/studies/1/studyId").asText()).isEqualTo("S3");
        assertThat(r.at("/studies/1/match").isMissingNode()).as("the node is gone at S3").isTrue();
        assertThat(r.at("/studies/1/noMatchProbability").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void tracksCarryDiametersSumsAndRecistResponses() {
        ApiHarness.Reply r = api.get("/api/patients/P1/tracks");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/studies").findValuesAsText("studyId")).containsExactly("S1", "S2", "S3");
        assertThat(r.at("/tracks")).hasSize(3);
        assertThat(r.at("/tracks/0/points").findValuesAsText("lesionId")).containsExactly("P1_S1_liver", "P1_S2_liver", "P1_S3_liver");
        assertThat(r.at("/tracks/0/target").asBoolean()).isTrue();
        assertThat(r.at("/tracks/1/lymphNode").asBoolean()).isTrue();
        assertThat(r.at("/tracks/1/points/0/diameterMm").asDouble()).isEqualTo(20.0);
        assertThat(r.at("/tracks/2/points").findValuesAsText("lesionId")).containsExactly("P1_S3_lung");
        // sums: 30 + 20 = 50, 18 + 15 = 33 (-34%: PR), 12 + 0 = 12 but a new lung lesion: PD
        assertThat(r.at("/assessments/0/sumOfDiametersMm").asDouble()).isEqualTo(50.0);
        assertThat(r.at("/assessments/0/response").isMissingNode()).isTrue();
        assertThat(r.at("/assessments/1/sumOfDiametersMm").asDouble()).isEqualTo(33.0);
        assertThat(r.at("/assessments/1/response").asText()).isEqualTo("PR");
        assertThat(r.at("/assessments/2/response").asText()).isEqualTo("PD");
        assertThat(r.at("/assessments/2/newLesions").findValuesAsText("")).isEmpty();
        assertThat(r.at("/assessments/2/newLesions/0").asText()).isEqualTo("P1_S3_lung");
        assertThat(r.at("/assessments/2/reason").asText()).isEqualTo("1 new lesion");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/lesions/nobody/matches|404|no lesion with id 'nobody'",
        "/api/lesions/P1_S1_liver/matches?candidates=0|422|candidates must be between 1 and 100, was 0",
        "/api/lesions/P1_S1_liver/matches?candidates=many|400|query parameter 'candidates' must be an integer, was 'many'",
        "/api/lesions/P1_S1_liver/matches?k=3|400|unknown query parameter 'k' (known: candidates, include)",
        "/api/patients/nobody/tracks|404|no lesions for patient 'nobody'",
        "/api/patients/P1/tracks?k=3|400|unknown query parameter 'k'; this endpoint takes none",
    })
    void badRequestsAreRefusedWithTheMessageAUserSees(String path, int status, String message) {
        ApiHarness.Reply r = api.get(path);
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.at("/message").asText()).isEqualTo(message);
    }

    private static Lesion lesion(String id, String study, LocalDate date, double x, double y, double z, double longAxis,
            double shortAxis, CoarseType type, Set<String> labels) {
        return Lesion.builder(id).patientId("P1").studyId(study).studyDate(date).location(new BodyLocation(x, y, z))
                .recist(Recist.of(longAxis, shortAxis)).coarseType(type).labels(labels).build();
    }
}
