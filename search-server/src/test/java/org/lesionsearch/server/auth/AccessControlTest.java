package org.lesionsearch.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiHarness.Reply;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;

/** Bearer tokens and roles on a real server: who may see and do what. */
class AccessControlTest {

    @TempDir
    static Path dir;
    private static SecuredServer api;
    private static List<Lesion> lesions;

    @BeforeAll
    static void start() throws IOException {
        api = SecuredServer.start(dir);
        lesions = new TestLesions(11).cohort(40, 4);
        api.index().upsert(lesions);
        api.index().commit();
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
    }

    @Test
    void withoutATokenOnlyPublicRoutesAnswer() {
        assertThat(api.get(null, "/api/health").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/openapi.json").status()).isEqualTo(200);
        Reply refused = api.get(null, "/api/search?q=liver");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(refused.at("/message").asText()).contains("Authorization: Bearer");
        assertThat(api.get(null, "/api/patients/P000/lesions").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/labels").status()).isEqualTo(401);
    }

    @Test
    void anUnknownOrMalformedTokenIsRefused() {
        String forged = api.bearer(Role.ADMIN).substring(0, api.bearer(Role.ADMIN).length() - 2) + "xx";
        for (String token : List.of(forged, "lst_0123456789ab_nothing", "nonsense", "lst_", "x".repeat(5000))) {
            Reply reply = api.send(token, "GET", "/api/labels", null, null);
            assertThat(reply.status()).as(token).isEqualTo(401);
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        }
        assertThat(api.send(null, "GET", "/api/labels", null, null, "Authorization", "Basic dXNlcjpwYXNz").status())
                .isEqualTo(401);
    }

    @Test
    void teachingTokensGetDeidentifiedAnswersOnly() {
        Reply search = api.get(Role.TEACHING, "/api/search?q=liver&k=20");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.at("/deidentified").asBoolean()).isTrue();
        assertThat(search.at("/hits").size()).isPositive();
        for (JsonNode hit : search.at("/hits")) {
            assertThat(hit.at("/lesion/patientId").asText()).startsWith("P-");
            assertThat(hit.at("/lesion/studyId").asText()).startsWith("S-");
            assertThat(hit.at("/lesion/id").asText()).startsWith("L-");
            assertThat(hit.at("/lesion/studyDate").isMissingNode() || hit.at("/lesion/studyDate").isNull()).isTrue();
        }
        assertNoIdentifiers(search.text());

        // asking for identified answers changes nothing for a teaching token
        Reply explicit = api.get(Role.TEACHING, "/api/search?q=liver&deidentified=false");
        assertThat(explicit.at("/deidentified").asBoolean()).isTrue();
        assertNoIdentifiers(explicit.text());

        String pseudonym = search.at("/hits/0/lesion/id").asText();
        Reply page = api.get(Role.TEACHING, "/api/lesions/" + pseudonym + "/page");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/deidentified").asBoolean()).isTrue();
        assertNoIdentifiers(page.text());
        Reply byRealId = api.get(Role.TEACHING, "/api/lesions/" + lesions.get(3).id().value() + "/page");
        assertThat(byRealId.status()).isEqualTo(200);
        assertNoIdentifiers(byRealId.text());

        // identified routes and writes are closed to it
        assertThat(api.get(Role.TEACHING, "/api/patients/P001/lesions").status()).isEqualTo(403);
        assertThat(api.get(Role.TEACHING, "/api/patients/P001/tracks").status()).isEqualTo(403);
        assertThat(api.get(Role.TEACHING, "/api/lesions/" + lesions.getFirst().id().value()).status()).isEqualTo(403);
        assertThat(api.get(Role.TEACHING, "/api/lesions/" + lesions.getFirst().id().value() + "/matches").status()).isEqualTo(403);
        assertThat(api.post(Role.TEACHING, "/api/search", "{\"example\":\"" + lesions.getFirst().id().value() + "\"}").status())
                .isEqualTo(403);
        Reply refused = api.send(api.bearer(Role.TEACHING), "DELETE", "/api/lesions/" + lesions.getFirst().id().value(), null, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.at("/message").asText()).contains("teaching").contains("roles allowed: ingest, admin");
        assertThat(api.index().get(lesions.getFirst().id())).isPresent();
    }

    @Test
    void cliniciansSeeIdentifiedDataButDoNotWrite() {
        Reply patient = api.get(Role.CLINICIAN, "/api/patients/P001/lesions");
        assertThat(patient.status()).isEqualTo(200);
        assertThat(patient.at("/patientId").asText()).isEqualTo("P001");
        assertThat(api.get(Role.CLINICIAN, "/api/patients/P001/tracks").status()).isEqualTo(200);
        assertThat(api.get(Role.CLINICIAN, "/api/lesions/" + lesions.get(5).id().value() + "/matches").status()).isEqualTo(200);
        Reply search = api.get(Role.CLINICIAN, "/api/search?q=liver");
        assertThat(search.at("/deidentified").asBoolean()).isFalse();
        assertThat(search.at("/hits/0/lesion/patientId").asText()).startsWith("P0");
        assertThat(api.get(Role.CLINICIAN, "/api/search?q=liver&deidentified=true").at("/deidentified").asBoolean()).isTrue();
        assertThat(api.post(Role.CLINICIAN, "/api/lesions", "{}").status()).isEqualTo(403);
        assertThat(api.post(Role.CLINICIAN, "/dicomweb/studies", "{}").status()).isEqualTo(403);
    }

    @Test
    void ingestTokensWriteButReadNothingIdentified() throws IOException {
        Lesion extra = new TestLesions(12).lesion("ingested_1", "P900", "P900_S0").build();
        Reply written = api.post(Role.INGEST, "/api/lesions", api.mapper.writeValueAsString(extra));
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.at("/written").asInt()).isEqualTo(1);
        assertThat(api.index().get(extra.id())).isPresent();
        assertThat(api.get(Role.INGEST, "/api/lesions/ingested_1").status()).isEqualTo(403);
        assertThat(api.get(Role.INGEST, "/api/search?q=liver").status()).isEqualTo(403);
        assertThat(api.get(Role.INGEST, "/api/labels").status()).isEqualTo(200);
        assertThat(api.send(api.bearer(Role.INGEST), "DELETE", "/api/lesions/ingested_1", null, null).status()).isEqualTo(200);
    }

    @Test
    void adminMayDoEverything() {
        assertThat(api.get(Role.ADMIN, "/api/patients/P002/lesions").status()).isEqualTo(200);
        assertThat(api.get(Role.ADMIN, "/api/search?q=lung").status()).isEqualTo(200);
        assertThat(api.post(Role.ADMIN, "/api/lesions", "[]").status()).isEqualTo(400);
    }

    @Test
    void theCookieCarriesATokenForReadsOnly() throws IOException {
        String cookie = AccessControl.COOKIE + "=" + api.bearer(Role.CLINICIAN);
        assertThat(api.send(null, "GET", "/api/patients/P001/lesions", null, null, "Cookie", cookie).status()).isEqualTo(200);
        Lesion extra = new TestLesions(13).lesion("by_cookie", "P901", "P901_S0").build();
        String admin = AccessControl.COOKIE + "=" + api.bearer(Role.ADMIN);
        assertThat(api.send(null, "POST", "/api/lesions", api.mapper.writeValueAsString(extra), "application/json",
                "Cookie", admin).status()).isEqualTo(401);
        assertThat(api.index().get(extra.id())).isEmpty();
    }

    @Test
    void aRevokedTokenStopsWorkingWithoutARestart() throws Exception {
        TokenSecrets secrets = new TokenSecrets(new java.security.SecureRandom());
        IssuedToken late = secrets.issue("late-comer", Role.CLINICIAN, null, java.time.Instant.now());
        api.tokens().update(existing -> {
            List<StoredToken> all = new ArrayList<>(existing);
            all.add(late.stored());
            return all;
        });
        awaitStatus(late.bearer(), 200);
        api.tokens().update(existing -> existing.stream().filter(t -> !t.name().equals("late-comer")).toList());
        awaitStatus(late.bearer(), 401);
        assertThat(api.get(Role.CLINICIAN, "/api/patients/P001/lesions").status()).isEqualTo(200);
    }

    @Test
    void everyMountedRouteHasAnAccessRule() {
        RoutePolicy policy = RoutePolicy.standard();
        assertThat(api.server().routes()).isNotEmpty().allSatisfy(route ->
                assertThat(policy.lists(route.method(), route.path())).as("%s %s is in RoutePolicy", route.method(), route.path())
                        .isTrue());
        assertThat(policy.access("GET", "/api/some-new-thing")).isEqualTo(Access.ADMIN);
    }

    @Test
    void withoutTokensTheServerRefusesToListenBeyondLoopback() {
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir.resolve("open-index"), LuceneIndexOptions.defaults())) {
            ApiServer open = ApiServer.create(ApiContext.of(ServerConfig.defaults().withHost("0.0.0.0").withPort(0), index));
            try {
                assertThatThrownBy(open::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("refusing to listen on 0.0.0.0 without authentication")
                        .hasMessageContaining("--tokens");
            } finally {
                open.close();
            }
            ApiServer local = ApiServer.create(ApiContext.of(ServerConfig.defaults().withHost("localhost").withPort(0), index)).start();
            local.close();
        }
    }

    private static void awaitStatus(String bearer, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = api.send(bearer, "GET", "/api/patients/P001/lesions", null, null).status();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + status + " within 5 s, last answer " + last);
    }

    /** No real patient, study or lesion id of the cohort, and no date, appears in the text. */
    private static void assertNoIdentifiers(String text) {
        for (Lesion l : lesions) {
            assertThat(text).doesNotContain("\"" + l.patientId() + "\"").doesNotContain(l.studyId())
                    .doesNotContain(l.id().value()).doesNotContain(l.studyDate().toString());
        }
    }

}
