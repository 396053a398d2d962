package org.lesionsearch.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;

/** Health, upsert, get, delete and patient listing over real HTTP, and what survives a restart. */
class LesionApiTest {

    @TempDir
    Path dir;

    private ApiHarness api;
    private final TestLesions fixtures = new TestLesions(11);

    @BeforeEach
    void start() {
        api = ApiHarness.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Lesion lesion(String id, String patient, String study) {
        return fixtures.lesion(id, patient, study).build();
    }

    @Test
    void healthReportsTheBackendCountsAndModel() {
        ApiHarness.Reply empty = api.get("/api/health");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.at("/status").asText()).isEqualTo("ok");
        assertThat(empty.at("/backend").asText()).isEqualTo("lucene");
        assertThat(empty.at("/lesions").asLong()).isZero();
        assertThat(empty.json().has("model")).isFalse();

        api.postJson("/api/lesions", List.of(lesion("A_1_1", "A", "A_1"), lesion("A_2_1", "A", "A_2"), lesion("B_1_1", "B", "B_1")));
        ApiHarness.Reply health = api.get("/api/health");
        assertThat(health.at("/lesions").asLong()).isEqualTo(3);
        assertThat(health.at("/patients").asLong()).isEqualTo(2);
        assertThat(health.at("/studies").asLong()).isEqualTo(3);
        assertThat(health.at("/model/name").asText()).isEqualTo("test-embedder");
        assertThat(health.at("/sizeOnDiskBytes").asLong()).isPositive();
    }

    @Test
    void aLesionPostedComesBackIdenticalAndIsReplacedByItsId() throws Exception {
        Lesion original = lesion("P1_S1_L1", "P1", "P1_S1");
        ApiHarness.Reply created = api.postJson("/api/lesions", original);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.at("/written").asInt()).isEqualTo(1);
        assertThat(created.at("/rejected")).isEmpty();

        ApiHarness.Reply got = api.get("/api/lesions/P1_S1_L1");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(api.mapper.treeToValue(got.json(), Lesion.class)).isEqualTo(original);

        Lesion changed = original.toBuilder().labels(Set.of("kidney", "cyst")).build();
        api.postJson("/api/lesions", changed);
        assertThat(api.mapper.treeToValue(api.get("/api/lesions/P1_S1_L1").json(), Lesion.class)).isEqualTo(changed);
        assertThat(api.get("/api/health").at("/lesions").asLong()).isEqualTo(1);
    }

    @Test
    void idsWithReservedCharactersWorkWhenEncoded() {
        api.postJson("/api/lesions", lesion("1.2.840.113619/7 #1", "P9", "P9_S1"));
        ApiHarness.Reply got = api.get("/api/lesions/1.2.840.113619%2F7%20%231");
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        assertThat(got.at("/id").asText()).isEqualTo("1.2.840.113619/7 #1");
    }

    @Test
    void aBatchWritesTheGoodLesionsAndListsEachRejectionWithItsPosition() {
        ArrayNode batch = api.mapper.createArrayNode();
        batch.add(api.mapper.valueToTree(lesion("G_1", "G", "G_S1")));
        ObjectNode unknownLabel = api.mapper.valueToTree(lesion("G_2", "G", "G_S1"));
        unknownLabel.putArray("labels").add("liver").add("banana");
        batch.add(unknownLabel);
        ObjectNode wrongType = api.mapper.valueToTree(lesion("G_3", "G", "G_S1"));
        wrongType.put("keySlice", "twelve");
        batch.add(wrongType);
        ObjectNode otherModel = api.mapper.valueToTree(lesion("G_4", "G", "G_S1").toBuilder()
                .model(new ModelInfo("test-embedder", "2")).build());
        batch.add(otherModel);
        batch.add(api.mapper.valueToTree(lesion("G_5", "G", "G_S1")));

        ApiHarness.Reply reply = api.post("/api/lesions", batch.toString());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.at("/written").asInt()).isEqualTo(2);
        JsonNode rejected = reply.at("/rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0).get("position").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("id").asText()).isEqualTo("G_2");
        assertThat(rejected.get(0).get("reason").asText()).contains("unknown label 'banana'");
        assertThat(rejected.get(0).at("/violations/0/field").asText()).isEqualTo("[1].labels");
        assertThat(rejected.get(1).get("position").asInt()).isEqualTo(2);
        assertThat(rejected.get(1).get("reason").asText()).contains("[2].keySlice").contains("expected an integer");
        assertThat(rejected.get(2).get("position").asInt()).isEqualTo(3);
        assertThat(rejected.get(2).get("reason").asText()).contains("test-embedder@2");

        assertThat(api.get("/api/lesions/G_1").status()).isEqualTo(200);
        assertThat(api.get("/api/lesions/G_5").status()).isEqualTo(200);
        assertThat(api.get("/api/lesions/G_2").status()).isEqualTo(404);
    }

    @Test
    void aBatchWithNothingWritableIs422ListingEveryViolation() {
        Lesion noPatient = lesion("N_1", "N", "N_S1").toBuilder().patientId(null).build();
        ObjectNode badVector = api.mapper.valueToTree(lesion("N_2", "N", "N_S1"));
        ((ArrayNode) badVector.get("embedding")).remove(0);
        ApiHarness.Reply reply = api.post("/api/lesions", "[" + api.mapper.valueToTree(noPatient) + "," + badVector + "]");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.at("/status").asInt()).isEqualTo(422);
        assertThat(reply.at("/error").asText()).isEqualTo("Unprocessable Content");
        assertThat(reply.at("/message").asText()).startsWith("none of the 2 lesions could be written");
        assertThat(reply.at("/field").asText()).isEqualTo("[0].patientId");
        assertThat(reply.at("/details")).extracting(d -> d.get("field").asText())
                .containsExactly("[0].patientId", "[1].embedding");
        assertThat(reply.at("/details/1/message").asText()).contains("expected 1024 floats, got 1023");
    }

    @Test
    void deleteRemovesTheLesionDurablyAndAnswers404ForAnUnknownOne() {
        api.postJson("/api/lesions", List.of(lesion("D_1", "D", "D_S1"), lesion("D_2", "D", "D_S1")));
        ApiHarness.Reply deleted = api.delete("/api/lesions/D_1");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/deleted").asText()).isEqualTo("D_1");
        assertThat(api.get("/api/lesions/D_1").status()).isEqualTo(404);
        ApiHarness.Reply again = api.delete("/api/lesions/D_1");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.at("/message").asText()).contains("D_1");

        api.restart();
        assertThat(api.get("/api/lesions/D_1").status()).isEqualTo(404);
        assertThat(api.get("/api/lesions/D_2").status()).isEqualTo(200);
    }

    @Test
    void aPatientsLesionsComeInStudyOrderWithoutVectorsUnlessAsked() {
        Lesion late = fixtures.lesion("P_late", "P", "P_S2").studyDate(java.time.LocalDate.of(2020, 5, 1)).build();
        Lesion early = fixtures.lesion("P_early", "P", "P_S1").studyDate(java.time.LocalDate.of(2019, 5, 1)).build();
        api.postJson("/api/lesions", List.of(late, early, lesion("Q_1", "Q", "Q_S1")));

        ApiHarness.Reply reply = api.get("/api/patients/P/lesions");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.at("/patientId").asText()).isEqualTo("P");
        assertThat(reply.at("/count").asInt()).isEqualTo(2);
        assertThat(reply.at("/lesions")).extracting(l -> l.get("id").asText()).containsExactly("P_early", "P_late");
        assertThat(reply.at("/lesions/0").has("embedding")).isFalse();
        assertThat(reply.at("/lesions/0").has("labelScores")).isFalse();
        assertThat(reply.at("/lesions/0/labels")).isNotEmpty();

        ApiHarness.Reply full = api.get("/api/patients/P/lesions?include=embedding,labelScores");
        assertThat(full.at("/lesions/0/embedding")).hasSize(1024);
        assertThat(full.at("/lesions/0/labelScores")).hasSize(171);

        assertThat(api.get("/api/patients/nobody/lesions").status()).isEqualTo(404);
    }

    @Test
    void aRestartedServerServesWhatWasCommitted() throws Exception {
        List<Lesion> lesions = fixtures.cohort(40, 5);
        assertThat(api.postJson("/api/lesions", lesions).at("/written").asInt()).isEqualTo(40);
        api.restart();
        assertThat(api.get("/api/health").at("/lesions").asLong()).isEqualTo(40);
        for (Lesion l : List.of(lesions.getFirst(), lesions.get(17), lesions.getLast())) {
            assertThat(api.mapper.treeToValue(api.get("/api/lesions/" + l.id()).json(), Lesion.class)).isEqualTo(l);
        }
    }

    @Test
    void anIndexThatStopsAnsweringGives503OnHealthAnd500ElsewhereWithoutDetails() {
        api.postJson("/api/lesions", lesion("Z_1", "Z", "Z_S1"));
        api.index().close();
        ApiHarness.Reply health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.at("/message").asText()).startsWith("the index does not answer");
        ApiHarness.Reply failed = api.get("/api/lesions/Z_1");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.at("/message").asText()).isEqualTo("the server failed to answer this request; the server log has the details");
        assertThat(failed.text()).doesNotContain("Exception", "Z_1");
    }
}
