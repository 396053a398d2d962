package org.lesionsearch.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.ApiHarness.Reply;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.SecuredServer;

/** The audit log of a real server: what is recorded, what is not, and that nothing identifying leaks into it. */
class AuditTrailTest {

    @TempDir
    Path dir;
    private SecuredServer api;
    private List<Lesion> lesions;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() throws IOException {
        api = SecuredServer.start(dir);
        lesions = new TestLesions(21).cohort(30, 3);
        api.index().upsert(lesions);
        api.index().commit();
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
    }

    @Test
    void identifiedReadsAreRecordedByPseudonymAndTokenName() throws IOException {
        Reply answer = api.get(Role.CLINICIAN, "/api/patients/P001/lesions");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode line = only(lines());
        assertThat(line.get("token").asText()).isEqualTo("clinician");
        assertThat(line.get("role").asText()).isEqualTo("clinician");
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("endpoint").asText()).isEqualTo("/api/patients/{pid}/lesions");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("patient").asText()).isEqualTo(api.pseudonyms.patient("P001"));
        assertThat(line.get("results").asInt()).isEqualTo(answer.at("/count").asInt()).isEqualTo(10);
        assertThat(line.get("time").asText()).isNotBlank();
        assertThat(line.has("patients")).isFalse();
    }

    @Test
    void anIdentifiedSearchListsEveryPatientItShowed() throws IOException {
        Reply answer = api.get(Role.CLINICIAN, "/api/search?q=liver&k=30");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode line = only(lines());
        assertThat(line.get("endpoint").asText()).isEqualTo("/api/search");
        assertThat(line.get("results").asInt()).isEqualTo(answer.at("/hits").size());
        List<String> expected = new ArrayList<>();
        for (JsonNode hit : answer.at("/hits")) {
            String pseudonym = api.pseudonyms.patient(hit.at("/lesion/patientId").asText());
            if (!expected.contains(pseudonym)) {
                expected.add(pseudonym);
            }
        }
        List<String> recorded = new ArrayList<>();
        JsonNode listed = line.has("patients") ? line.get("patients") : mapper.createArrayNode().add(line.get("patient"));
        listed.forEach(p -> recorded.add(p.asText()));
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void deidentifiedAnswersAndPublicRoutesAreNotRecorded() throws IOException {
        assertThat(api.get(Role.TEACHING, "/api/search?q=liver").status()).isEqualTo(200);
        assertThat(api.get(Role.CLINICIAN, "/api/search?q=liver&deidentified=true").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/health").status()).isEqualTo(200);
        assertThat(api.get(Role.TEACHING, "/api/labels").status()).isEqualTo(200);
        assertThat(lines()).isEmpty();
    }

    @Test
    void writesAndRefusalsOnIdentifiedRoutesAreRecorded() throws IOException {
        Lesion extra = new TestLesions(22).lesion("audited_1", "P777", "P777_S0").build();
        Reply written = api.post(Role.INGEST, "/api/lesions", api.mapper.writeValueAsString(List.of(extra)));
        assertThat(written.status()).isEqualTo(200);
        assertThat(api.send(api.bearer(Role.INGEST), "DELETE", "/api/lesions/audited_1", null, null).status()).isEqualTo(200);
        assertThat(api.get(Role.TEACHING, "/api/patients/P002/lesions").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/lesions/" + lesions.getFirst().id().value()).status()).isEqualTo(401);

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("endpoint").asText()).isEqualTo("/api/lesions");
        assertThat(lines.get(0).get("method").asText()).isEqualTo("POST");
        assertThat(lines.get(0).get("results").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("token").asText()).isEqualTo("ingest");
        assertThat(lines.get(1).get("method").asText()).isEqualTo("DELETE");
        assertThat(lines.get(1).get("lesion").asText()).isEqualTo(api.pseudonyms.lesion("audited_1"));
        assertThat(lines.get(2).get("status").asInt()).isEqualTo(403);
        assertThat(lines.get(2).get("token").asText()).isEqualTo("teaching");
        assertThat(lines.get(2).get("patient").asText()).isEqualTo(api.pseudonyms.patient("P002"));
        assertThat(lines.get(3).get("status").asInt()).isEqualTo(401);
        assertThat(lines.get(3).has("token")).isFalse();
    }

    @Test
    void theLogHoldsNoPatientIdNoLesionIdAndNoToken() throws IOException {
        api.get(Role.CLINICIAN, "/api/patients/P000/lesions");
        api.get(Role.CLINICIAN, "/api/patients/P001/tracks");
        api.get(Role.CLINICIAN, "/api/lesions/" + lesions.get(4).id().value());
        api.get(Role.CLINICIAN, "/api/lesions/" + lesions.get(4).id().value() + "/matches");
        api.get(Role.ADMIN, "/api/lesions/" + lesions.get(7).id().value() + "/page");
        api.get(Role.CLINICIAN, "/api/search?q=lung&groupBy=patient");
        String text = Files.readString(api.auditFile());
        assertThat(lines()).hasSize(6);
        for (Lesion l : lesions) {
            assertThat(text).doesNotContain("\"" + l.patientId() + "\"").doesNotContain(l.id().value()).doesNotContain(l.studyId());
        }
        for (Role role : Role.values()) {
            assertThat(text).doesNotContain(api.bearer(role)).doesNotContain(api.bearer(role).substring(17));
        }
    }

    @Test
    void anAnswerIsWithheldWhenTheAuditLogCannotBeWritten() throws IOException {
        // the log's file handle is closed under the running server: every append fails from now on
        api.closeAuditLog();
        Reply withheld = api.get(Role.CLINICIAN, "/api/patients/P001/lesions");
        assertThat(withheld.status()).isEqualTo(503);
        assertThat(withheld.text()).contains("audit log").doesNotContain("P001_S");
        assertThat(api.get(Role.TEACHING, "/api/search?q=liver").status()).isEqualTo(200);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(api.auditFile())) {
            out.add(mapper.readTree(line));
        }
        return out;
    }

    private static JsonNode only(List<JsonNode> lines) {
        assertThat(lines).hasSize(1);
        return lines.getFirst();
    }
}
