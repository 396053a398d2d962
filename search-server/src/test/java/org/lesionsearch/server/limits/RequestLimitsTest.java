package org.lesionsearch.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.server.api.ApiHarness.Reply;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.SecuredServer;

/** Request limits on a real server: rate, query size, page size, body size and JSON depth. */
class RequestLimitsTest {

    @TempDir
    Path dir;
    private SecuredServer api;

    @AfterEach
    void stop() throws IOException {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        api = SecuredServer.start(dir, RequestLimits.Settings.defaults().withRatePerSecond(1000), Map.of(Role.TEACHING, 2.0));
        int refused = 0;
        Reply last = null;
        for (int i = 0; i < 10; i++) {
            Reply r = api.get(Role.TEACHING, "/api/labels");
            if (r.status() == 429) {
                refused++;
                last = r;
            } else {
                assertThat(r.status()).isEqualTo(200);
            }
        }
        // a burst of two seconds' worth (4) goes through, the rest of the ten is refused
        assertThat(refused).isBetween(5, 6);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
        assertThat(last.at("/status").asInt()).isEqualTo(429);
        assertThat(last.at("/message").asText()).contains("teaching").contains("2 requests per second");
        assertThat(api.get(Role.CLINICIAN, "/api/labels").status()).isEqualTo(200);
        Thread.sleep(1100);
        assertThat(api.get(Role.TEACHING, "/api/labels").status()).isEqualTo(200);
    }

    @Test
    void oversizedQueriesAndRequestsAreRefusedNamingTheLimit() throws IOException {
        api = SecuredServer.start(dir);
        api.index().upsert(new TestLesions(3).cohort(20, 2));
        String longQuery = URLEncoder.encode("liver ".repeat(400), StandardCharsets.UTF_8);
        Reply tooLong = api.get(Role.CLINICIAN, "/api/search?q=" + longQuery);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.at("/field").asText()).isEqualTo("q");
        assertThat(tooLong.at("/message").asText()).contains("2000");

        StringBuilder many = new StringBuilder("/api/search?q=liver");
        for (int i = 0; i < 40; i++) {
            many.append("&include=labelScores");
        }
        assertThat(api.get(Role.CLINICIAN, many.toString()).status()).isEqualTo(400);

        Reply bigK = api.get(Role.CLINICIAN, "/api/search?q=liver&k=100000");
        assertThat(bigK.status()).isEqualTo(422);
        assertThat(bigK.at("/field").asText()).isEqualTo("k");
        assertThat(api.get(Role.CLINICIAN, "/api/search?q=liver&offset=99999999").status()).isEqualTo(422);
        assertThat(api.post(Role.CLINICIAN, "/api/search", "{\"vector\":[0.1],\"k\":5000}").status()).isEqualTo(422);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithAClearErrorAndTheServerGoesOn() throws IOException {
        api = SecuredServer.start(dir);
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        Reply refused = api.post(Role.ADMIN, "/api/lesions", nested);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/message").asText()).containsIgnoringCase("nesting depth");
        String nestedObject = "{\"filter\":" + "{\"not\":".repeat(5000) + "{}" + "}".repeat(5000) + "}";
        Reply search = api.post(Role.CLINICIAN, "/api/search", nestedObject);
        assertThat(search.status()).isBetween(400, 422);
        assertThat(api.get(null, "/api/health").status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        api = SecuredServer.start(dir);
        String huge = "[" + "{\"id\":\"x\"},".repeat(2_000_000) + "{}]";
        Reply refused = api.post(Role.ADMIN, "/api/lesions", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.at("/message").asText()).contains("limit");
        assertThat(api.get(null, "/api/health").status()).isEqualTo(200);
    }
}
