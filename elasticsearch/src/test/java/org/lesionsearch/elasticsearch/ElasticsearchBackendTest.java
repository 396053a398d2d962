package org.lesionsearch.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.FilterPredicate;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.SearchPlan;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/** What the Elasticsearch backend does beyond the contract: generations, retries, back-pressure, its own limits. */
class ElasticsearchBackendTest {

    @RegisterExtension
    static final ElasticsearchNode NODE = new ElasticsearchNode();

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final TestLesions fixture = new TestLesions(7L);

    private static ElasticsearchOptions options(String prefix) {
        return ElasticsearchOptions.defaults(NODE.url(), prefix + "-" + NAMES.incrementAndGet());
    }

    @Test
    void lesionsAndTheModelSurviveAReopen() {
        ElasticsearchOptions options = options("reopen");
        List<Lesion> lesions = fixture.cohort(30, 3);
        String generation;
        try (ElasticsearchLesionIndex first = ElasticsearchLesionIndex.open(options)) {
            first.upsert(lesions);
            first.commit();
            generation = first.generation();
        }
        try (ElasticsearchLesionIndex again = ElasticsearchLesionIndex.open(options)) {
            assertThat(again.generation()).isEqualTo(generation);
            assertThat(again.count(Filter.all())).isEqualTo(30);
            assertThat(again.get(lesions.get(17).id())).contains(lesions.get(17));
            assertThat(again.model()).contains(TestLesions.MODEL);
            assertThat(again.upsert(List.of(fixture.lesion("late", "P", "S").model(TestLesions.OTHER_MODEL).build()))
                    .rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("test-embedder@1"));
        }
    }

    @Test
    void aReindexFillsANewGenerationAndSwapsItInAtOnce() {
        ElasticsearchOptions options = options("reindex");
        List<Lesion> old = fixture.cohort(20, 2);
        List<Lesion> fresh = fixture.cohort(35, 5).stream()
                .map(l -> l.toBuilder().model(TestLesions.OTHER_MODEL).build()).toList();
        try (ElasticsearchLesionIndex serving = ElasticsearchLesionIndex.open(options)) {
            serving.upsert(old);
            String oldGeneration = serving.generation();
            try (ElasticsearchLesionIndex next = ElasticsearchLesionIndex.openNewGeneration(options)) {
                assertThat(next.generation()).isNotEqualTo(oldGeneration).startsWith(options.name() + "-");
                assertThat(next.model()).isEmpty();
                assertThat(next.upsert(fresh).written()).isEqualTo(35);
                // until the swap, searches through the alias see the old lesions only
                assertThat(serving.count(Filter.all())).isEqualTo(20);
                assertThat(next.stats().details()).containsEntry("published", false);

                assertThat(next.publish()).containsExactly(oldGeneration);

                assertThat(next.stats().details()).containsEntry("published", true);
            }
            // the serving index reads through the alias: the new generation from now on
            assertThat(serving.count(Filter.all())).isEqualTo(35);
            assertThat(serving.get(fresh.get(3).id())).contains(fresh.get(3));
            assertThat(serving.get(old.get(3).id())).isEmpty();
        }
        try (ElasticsearchLesionIndex reopened = ElasticsearchLesionIndex.open(options)) {
            assertThat(reopened.model()).contains(TestLesions.OTHER_MODEL);
            reopened.deleteAllGenerations();
        }
    }

    @Test
    void aFailedReindexIsDiscardedAndTheServingGenerationStays() throws Exception {
        ElasticsearchOptions options = options("discard");
        String abandoned;
        try (ElasticsearchLesionIndex serving = ElasticsearchLesionIndex.open(options)) {
            serving.upsert(fixture.cohort(10, 2));
            ElasticsearchLesionIndex next = ElasticsearchLesionIndex.openNewGeneration(options);
            next.upsert(fixture.cohort(3, 1));
            abandoned = next.generation();
            assertThat(status(NODE.url().resolve("/" + abandoned))).isEqualTo(200);

            next.discardGeneration();

            assertThat(serving.count(Filter.all())).isEqualTo(10);
            assertThatThrownBy(serving::discardGeneration).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("serving");
        }
        assertThat(status(NODE.url().resolve("/" + abandoned))).isEqualTo(404);
    }

    private static int status(URI url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void theNodesMemoryIsReported() {
        try (ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("memory"))) {
            ServerMemory memory = index.serverMemory();

            assertThat(memory.heapMaxBytes()).isEqualTo(512L << 20);
            assertThat(memory.heapUsedBytes()).isPositive().isLessThanOrEqualTo(memory.heapMaxBytes());
            assertThat(memory.residentBytes()).isGreaterThan(memory.heapUsedBytes());
        }
    }

    @Test
    void aLesionElasticsearchRefusesIsReportedAndTheRestOfTheBatchLands() {
        try (ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("refused"))) {
            // Lucene cannot index a keyword over 32766 bytes; the validator has no reason to refuse it
            String immense = "P".repeat(40_000);
            UpsertResult result = index.upsert(List.of(fixture.lesion("fine-1", "P1", "S1").build(),
                    fixture.lesion("immense", immense, "S1").build(), fixture.lesion("fine-2", "P1", "S1").build()));

            assertThat(result.written()).isEqualTo(2);
            assertThat(result.rejected()).singleElement().satisfies(r -> {
                assertThat(r.position()).isEqualTo(1);
                assertThat(r.lesionId()).isEqualTo("immense");
                assertThat(r.reason()).startsWith("lesion immense: Elasticsearch refused it").contains("patient_id");
            });
            assertThat(index.count(Filter.all())).isEqualTo(2);
        }
    }

    @Test
    void bulkRequestsTheClusterShedsAreSentAgain() throws IOException {
        try (ThrottlingGateway gateway = new ThrottlingGateway(NODE.url(), 2, 0);
                ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("shed")
                        .withUrl(gateway.url()).withBulk(new BulkOptions(1 << 20, 2, 3, Duration.ofMillis(20))))) {
            UpsertResult result = index.upsert(fixture.cohort(40, 4));

            assertThat(result.written()).isEqualTo(40);
            assertThat(result.rejected()).isEmpty();
            assertThat(gateway.bulksShed.get()).isEqualTo(2);
            assertThat(index.count(Filter.all())).isEqualTo(40);
        }
    }

    @Test
    void aClusterThatStaysOverloadedFailsTheUpsertWithAClearError() throws IOException {
        try (ThrottlingGateway gateway = new ThrottlingGateway(NODE.url(), 1_000, 0);
                ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("overloaded")
                        .withUrl(gateway.url()).withBulk(new BulkOptions(1 << 20, 2, 2, Duration.ofMillis(10))))) {
            assertThatThrownBy(() -> index.upsert(fixture.cohort(5, 1)))
                    .isInstanceOf(IndexException.class).hasMessageContaining("HTTP 429").hasMessageContaining("5 lesions");
            assertThat(gateway.bulksShed.get()).isEqualTo(3);
        }
    }

    @Test
    void concurrentWritersAreHeldToTheBulkConcurrencyLimit() throws Exception {
        List<Lesion> lesions = fixture.cohort(160, 16);
        try (ThrottlingGateway gateway = new ThrottlingGateway(NODE.url(), 0, 150);
                ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("pressure")
                        .withUrl(gateway.url()).withBulk(new BulkOptions(1 << 20, 2, 3, Duration.ofMillis(20))));
                ExecutorService writers = Executors.newFixedThreadPool(8)) {
            List<Future<UpsertResult>> results = new ArrayList<>();
            for (int from = 0; from < lesions.size(); from += 20) {
                List<Lesion> batch = lesions.subList(from, from + 20);
                results.add(writers.submit(() -> index.upsert(batch)));
            }
            for (Future<UpsertResult> r : results) {
                assertThat(r.get().written()).isEqualTo(20);
            }
            assertThat(gateway.bulksPassed.get()).isEqualTo(8);
            assertThat(gateway.maxBulksInFlight.get()).isEqualTo(2);
            assertThat(index.count(Filter.all())).isEqualTo(160);
        }
    }

    @Test
    void anUnreachableClusterIsNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        assertThatThrownBy(() -> ElasticsearchLesionIndex.open(ElasticsearchOptions.defaults(nowhere, "lesions")))
                .isInstanceOf(IndexException.class).hasMessageContaining(nowhere.toString()).hasMessageContaining("'lesions'");
    }

    @Test
    void anIndexUnderTheNameThatIsNotOursIsLeftAlone() throws Exception {
        String name = "foreign-" + NAMES.incrementAndGet();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(NODE.url().resolve("/" + name))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> ElasticsearchLesionIndex.open(ElasticsearchOptions.defaults(NODE.url(), name)))
                .isInstanceOf(IndexException.class).hasMessageContaining("not an alias");
    }

    @Test
    void invalidNamesAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> ElasticsearchOptions.defaults(NODE.url(), "Lesions"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower case");
        assertThatThrownBy(() -> ElasticsearchOptions.defaults(NODE.url(), "a,b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a,b'");
        assertThatThrownBy(() -> ElasticsearchOptions.defaults(URI.create("ftp://x:1"), "lesions"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://x:1");
    }

    @Test
    void thePlanFollowsTheFilterCountAndPagesBeyondTheWindowAreRefused() {
        try (ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("plan").withCandidates(50, 2))) {
            List<Lesion> lesions = fixture.cohort(400, 20);
            index.upsert(lesions);
            float[] q = lesions.get(0).embedding();

            assertThat(index.search(SearchRequest.byVector(q, Filter.patient("P003"), 5)).plan()).isEqualTo(SearchPlan.EXACT);
            assertThat(index.search(SearchRequest.byVector(q, Filter.all(), 5)).plan()).isEqualTo(SearchPlan.HNSW);
            assertThat(index.search(SearchRequest.byVector(q, Filter.label("liver"), 5)).plan()).isEqualTo(SearchPlan.HNSW);
            assertThat(index.search(SearchRequest.byFilter(Filter.all(), 5)).plan()).isEqualTo(SearchPlan.FILTER_ONLY);
            assertThatThrownBy(() -> index.search(SearchRequest.byVector(q, Filter.all(), 10).withPage(10, 9_995)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
        }
    }

    @Test
    void theGraphPathAfterAMergeFindsWhatExactScoringFinds() {
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            centres.add(fixture.unitVector());
        }
        List<Lesion> base = fixture.cohort(2000, 100);
        List<Lesion> lesions = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            lesions.add(base.get(i).toBuilder().embedding(fixture.near(centres.get(i % centres.size()), 0.9)).build());
        }
        try (ElasticsearchLesionIndex index = ElasticsearchLesionIndex.open(options("graph"))) {
            for (int from = 0; from < lesions.size(); from += 500) {
                index.upsert(lesions.subList(from, from + 500));
            }
            index.forceMerge(1);
            assertThat(((Number) index.stats().details().get("segments")).intValue()).isEqualTo(1);
            double recall = 0, baseline = 0;
            int queries = 20;
            for (int q = 0; q < queries; q++) {
                float[] query = fixture.near(lesions.get(q * 37).embedding(), 0.3);
                Filter filter = q % 2 == 0 ? Filter.all() : Filter.label("liver");
                List<LesionId> exact = exactTop(lesions, query, filter, 10);
                SearchResult result = index.search(SearchRequest.byVector(query, filter, 10));
                assertThat(result.plan()).isEqualTo(SearchPlan.HNSW);
                recall += result.hits().stream().filter(h -> exact.contains(h.lesion().id())).count() / 10.0;
                baseline += index.searchWithoutPlanner(query, filter, 10).hits().stream()
                        .filter(h -> exact.contains(h.lesion().id())).count() / 10.0;
            }
            assertThat(recall / queries).isGreaterThanOrEqualTo(0.98);
            assertThat(baseline / queries).isGreaterThan(0.5);
        }
    }

    private static List<LesionId> exactTop(List<Lesion> lesions, float[] query, Filter filter, int k) {
        return lesions.stream().filter(FilterPredicate.of(filter))
                .sorted(java.util.Comparator.comparingDouble((Lesion l) -> -dot(query, l.embedding())).thenComparing(Lesion::id))
                .limit(k).map(Lesion::id).toList();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
