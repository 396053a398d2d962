package org.lesionsearch.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.api.ApiHarness.Reply;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.SecuredServer;

/** Searches with a deadline: a hanging backend gives quick 503s, never a hung request, and the server recovers. */
class TimeLimitedIndexTest {

    @TempDir
    Path dir;
    private StallingIndex stalling;
    private SecuredServer api;

    @BeforeEach
    void start() throws IOException {
        LuceneLesionIndex lucene = LuceneLesionIndex.open(dir.resolve("index"), LuceneIndexOptions.defaults());
        lucene.upsert(new TestLesions(5).cohort(30, 3));
        lucene.commit();
        stalling = new StallingIndex(lucene);
        api = SecuredServer.over(dir, new TimeLimitedIndex(stalling, Duration.ofMillis(400), 2, 2),
                RequestLimits.Settings.defaults().withRatePerSecond(0));
    }

    @AfterEach
    void stop() throws IOException {
        stalling.release();
        api.close();
    }

    @Test
    void aHangingSearchIsAbandonedWith503AndTheServerRecovers() {
        awaitSearchesAnswer();
        stalling.stall();
        long t0 = System.nanoTime();
        Reply abandoned = api.get(Role.CLINICIAN, "/api/search?q=liver");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(abandoned.status()).isEqualTo(503);
        assertThat(abandoned.headers().firstValue("Retry-After")).isPresent();
        assertThat(abandoned.at("/message").asText()).contains("400 ms");
        assertThat(tookMs).isLessThan(5_000);
        assertThat(api.get(Role.CLINICIAN, "/api/patients/P001/tracks").status()).isEqualTo(503);
        // health says so in time, and routes that do not need the index keep answering
        long h0 = System.nanoTime();
        Reply health = api.get(null, "/api/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.at("/message").asText()).contains("does not answer");
        assertThat((System.nanoTime() - h0) / 1_000_000).isLessThan(5_000);
        assertThat(api.get(Role.CLINICIAN, "/api/labels").status()).isEqualTo(200);
        stalling.release();
        awaitSearchesAnswer();
    }

    @Test
    void whenEveryWorkerAndQueueSlotIsTakenNewSearchesAreRefusedAtOnce() throws Exception {
        stalling.stall();
        List<CompletableFuture<Reply>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> api.get(Role.CLINICIAN, "/api/search?q=lung")));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Reply> f : waiting) {
            Reply r = f.get();
            statuses.add(r.status());
            if (r.status() == 503 && r.at("/message").asText().contains("busy")) {
                statuses.add(-1);
            }
        }
        assertThat(statuses).doesNotContain(200, 500).contains(-1);
        stalling.release();
        awaitSearchesAnswer();
    }

    /** Searches answer again once the abandoned ones have drained (and the first, cold one may be slow). */
    private void awaitSearchesAnswer() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status = -1;
        while (System.nanoTime() < deadline) {
            status = api.get(Role.CLINICIAN, "/api/search?q=liver").status();
            if (status == 200) {
                return;
            }
            assertThat(status).isEqualTo(503);
        }
        throw new AssertionError("searches did not recover; last status " + status);
    }
}
