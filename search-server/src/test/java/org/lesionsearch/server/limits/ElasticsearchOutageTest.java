package org.lesionsearch.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.elasticsearch.ElasticsearchLesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchNode;
import org.lesionsearch.elasticsearch.ElasticsearchOptions;
import org.lesionsearch.server.api.ApiHarness.Reply;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.SecuredServer;

/**
 * The Elasticsearch backend going away under a running server, through a proxy in front of a real
 * node: while the node hangs or is gone, health says so and every request gets an error in
 * bounded time (no request hangs); when it comes back, the same server answers again.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ElasticsearchOutageTest {

    @RegisterExtension
    static final ElasticsearchNode NODE = new ElasticsearchNode();

    static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(2);
    static final long BOUND_MS = 8_000;

    @TempDir
    Path dir;

    @Test
    void aHangingOrVanishedNodeGivesQuickErrorsAndTheServerRecovers() throws Exception {
        try (FaultProxy proxy = new FaultProxy(NODE.url())) {
            ElasticsearchOptions defaults = ElasticsearchOptions.defaults(proxy.uri(), "outage-" + System.nanoTime());
            ElasticsearchOptions options = new ElasticsearchOptions(defaults.url(), defaults.name(), defaults.vocabulary(),
                    defaults.validator(), 1, 0, defaults.maxConn(), defaults.beamWidth(), defaults.minCandidates(),
                    defaults.oversampling(), defaults.bulk(), Duration.ofSeconds(5));
            ElasticsearchLesionIndex es = ElasticsearchLesionIndex.open(options);
            es.upsert(new TestLesions(31).cohort(30, 3));
            es.commit();
            try (SecuredServer api = SecuredServer.over(dir, new TimeLimitedIndex(es, SEARCH_TIMEOUT, 4, 16),
                    RequestLimits.Settings.defaults().withRatePerSecond(0))) {
                assertThat(api.get(Role.CLINICIAN, "/api/search?q=liver").status()).isEqualTo(200);
                Reply healthy = api.get(null, "/api/health");
                assertThat(healthy.status()).isEqualTo(200);
                assertThat(healthy.at("/backend").asText()).isEqualTo("elasticsearch");

                proxy.blackhole();
                for (int i = 0; i < 3; i++) {
                    assertQuickError(api, Role.CLINICIAN, "/api/search?q=liver");
                    assertQuickError(api, Role.CLINICIAN, "/api/patients/P001/lesions");
                }
                Reply hung = assertQuickError(api, null, "/api/health");
                assertThat(hung.at("/message").asText()).contains("does not answer");

                proxy.down();
                assertQuickError(api, Role.CLINICIAN, "/api/search?q=lung");
                assertQuickError(api, Role.CLINICIAN, "/api/lesions/P000_S0_L00000");
                assertQuickError(api, null, "/api/health");
                // what does not need the backend keeps working
                assertThat(api.get(Role.CLINICIAN, "/api/labels").status()).isEqualTo(200);

                proxy.up();
                awaitStatus(api, null, "/api/health", 200);
                awaitStatus(api, Role.CLINICIAN, "/api/search?q=liver", 200);
            }
        }
    }

    private static Reply assertQuickError(SecuredServer api, Role role, String path) {
        long t0 = System.nanoTime();
        Reply reply = api.get(role, path);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(reply.status()).as("%s answered %s", path, reply.text()).isEqualTo(503);
        assertThat(ms).as("%s answered in %d ms", path, ms).isLessThan(BOUND_MS);
        return reply;
    }

    private static void awaitStatus(SecuredServer api, Role role, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(role, path);
            if (last.status() == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not recover: " + (last == null ? "no answer" : last.status() + " " + last.text()));
    }

}
