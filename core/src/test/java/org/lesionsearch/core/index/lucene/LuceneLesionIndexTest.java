package org.lesionsearch.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.LesionIndexContract;
import org.lesionsearch.core.index.SearchPlan;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

class LuceneLesionIndexTest extends LesionIndexContract {

    @TempDir
    Path tmp;

    private final AtomicInteger indexes = new AtomicInteger();

    @Override
    protected LesionIndex newIndex() {
        return LuceneLesionIndex.open(tmp.resolve("index-" + indexes.incrementAndGet()), LuceneIndexOptions.defaults());
    }

    @Test
    void committedLesionsAndTheModelSurviveAReopen() {
        Path dir = tmp.resolve("reopen");
        List<Lesion> lesions = fixture.cohort(30, 3);
        try (LuceneLesionIndex first = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            first.upsert(lesions);
            first.commit();
        }
        try (LuceneLesionIndex again = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            assertThat(again.count(Filter.all())).isEqualTo(30);
            assertThat(again.get(lesions.get(17).id())).contains(lesions.get(17));
            assertThat(again.model()).contains(TestLesions.MODEL);
            assertThat(again.upsert(List.of(fixture.lesion("late", "P", "S").model(TestLesions.OTHER_MODEL).build()))
                    .rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("test-embedder@1"));
        }
    }

    @Test
    void thePlanFollowsTheFilterCount() {
        List<Lesion> lesions = fixture.cohort(400, 20);
        try (LuceneLesionIndex small = LuceneLesionIndex.open(tmp.resolve("plan"),
                LuceneIndexOptions.defaults().withExactThreshold(50))) {
            small.upsert(lesions);
            float[] q = lesions.get(0).embedding();
            assertThat(small.search(SearchRequest.byVector(q, Filter.patient("P003"), 5)).plan()).isEqualTo(SearchPlan.EXACT);
            assertThat(small.search(SearchRequest.byVector(q, Filter.all(), 5)).plan()).isEqualTo(SearchPlan.HNSW);
            assertThat(small.search(SearchRequest.byFilter(Filter.all(), 5)).plan()).isEqualTo(SearchPlan.FILTER_ONLY);
        }
    }

    @Test
    void theGraphPathFindsWhatExactScoringFinds() {
        List<Lesion> lesions = clustered(1500);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            queries.add(fixture.near(lesions.get(i * 37).embedding(), 0.3));
        }
        try (LuceneLesionIndex graph = LuceneLesionIndex.open(tmp.resolve("graph"),
                LuceneIndexOptions.defaults().withExactThreshold(0))) {
            graph.upsert(lesions);
            graph.forceMerge(1);
            double recall = 0;
            for (float[] q : queries) {
                for (Filter filter : List.of(Filter.all(), Filter.label("liver"))) {
                    List<LesionId> exact = exactTop(lesions, q, filter, 10);
                    SearchResult result = graph.search(SearchRequest.byVector(q, filter, 10));
                    assertThat(result.plan()).isEqualTo(SearchPlan.HNSW);
                    recall += ids(result).stream().filter(exact::contains).count() / 10.0;
                }
            }
            assertThat(recall / (queries.size() * 2)).isGreaterThanOrEqualTo(0.98);
        }
    }

    @Test
    void theInt8ScanOfALargeMatchSetAgreesWithExactScoring() {
        List<Lesion> lesions = clustered(700);
        try (LuceneLesionIndex scan = LuceneLesionIndex.open(tmp.resolve("scan"),
                LuceneIndexOptions.defaults().withCandidates(30, 2))) {
            scan.upsert(lesions);
            double recall = 0;
            int queries = 30;
            for (int q = 0; q < queries; q++) {
                float[] query = fixture.near(lesions.get(q * 23).embedding(), 0.3);
                SearchResult result = scan.search(SearchRequest.byVector(query, Filter.all(), 10));
                assertThat(result.plan()).isEqualTo(SearchPlan.EXACT);
                List<LesionId> exact = exactTop(lesions, query, Filter.all(), 10);
                recall += ids(result).stream().filter(exact::contains).count() / 10.0;
                assertThat(result.hits().getFirst().similarity())
                        .isCloseTo(dot(query, result.hits().getFirst().lesion().embedding()), org.assertj.core.data.Offset.offset(1e-5));
            }
            assertThat(recall / queries).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void writesAcrossSegmentsAndDeletesStayConsistent() {
        List<Lesion> lesions = fixture.cohort(600, 30);
        try (LuceneLesionIndex index = LuceneLesionIndex.open(tmp.resolve("segments"),
                LuceneIndexOptions.defaults().withExactThreshold(40))) {
            for (int from = 0; from < lesions.size(); from += 100) {
                index.upsert(lesions.subList(from, from + 100));
                index.commit();
            }
            for (int i = 0; i < lesions.size(); i += 10) {
                index.delete(lesions.get(i).id());
            }
            assertThat((int) index.stats().details().get("segments")).isGreaterThan(1);
            List<Lesion> live = lesions.stream().filter(l -> !l.id().value().endsWith("0")).toList();
            assertThat(index.count(Filter.all())).isEqualTo(live.size());
            for (int q = 0; q < 10; q++) {
                float[] query = fixture.near(lesions.get(q * 7 + 1).embedding(), 0.5);
                List<LesionId> exact = exactTop(live, query, Filter.label("lung"), 10);
                SearchResult result = index.search(SearchRequest.byVector(query, Filter.label("lung"), 10));
                assertThat(ids(result)).isEqualTo(exact);
            }
        }
    }

    @Test
    void aCorruptedIndexFailsToOpenNamingTheDirectory() throws IOException {
        Path dir = tmp.resolve("corrupt");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            index.upsert(fixture.cohort(50, 5));
            index.commit();
        }
        Path victim;
        try (Stream<Path> files = Files.list(dir)) {
            victim = files.filter(f -> f.getFileName().toString().endsWith(".cfs") || f.getFileName().toString().endsWith(".vec"))
                    .findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(victim, bytes);

        assertThatThrownBy(() -> LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults()))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("re-index from the sources");
    }

    @Test
    void aDirectoryWithFilesButNoCommitIsNotSilentlyReplaced() throws IOException {
        Path dir = tmp.resolve("not-an-index");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("_0.cfs"), "left over");

        assertThatThrownBy(() -> LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults()))
                .isInstanceOf(IndexException.class).hasMessageContaining("re-index");
        assertThat(dir.resolve("_0.cfs")).exists();
    }

    @Test
    void aSecondWriterIsToldTheIndexIsInUse() {
        Path dir = tmp.resolve("locked");
        try (LuceneLesionIndex first = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            assertThatThrownBy(() -> LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults()))
                    .isInstanceOf(IndexException.class).hasMessageContaining("another process");
            assertThat(first.count(Filter.all())).isZero();
        }
    }

    /** Lesions around a few centres, so that nearest neighbours are meaningful. */
    private List<Lesion> clustered(int n) {
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            centres.add(fixture.unitVector());
        }
        List<Lesion> base = fixture.cohort(n, n / 20);
        List<Lesion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(base.get(i).toBuilder().embedding(fixture.near(centres.get(i % centres.size()), 0.9)).build());
        }
        return out;
    }
}
