package org.lesionsearch.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.index.Filter.LabelSource;
import org.lesionsearch.core.index.Filter.NumericField;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * What every {@link LesionIndex} backend must do, written once. A backend's test extends this
 * class and supplies a fresh, empty index; {@link #close} is called after each test.
 */
public abstract class LesionIndexContract {

    /** A new, empty index, owned by the test. */
    protected abstract LesionIndex newIndex();

    protected LesionIndex index;
    protected final TestLesions fixture = new TestLesions(20240611L);

    @BeforeEach
    void openIndex() {
        index = newIndex();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    // ---- writing and reading ------------------------------------------------------------------

    @Test
    void upsertThenGetGivesBackTheSameRecord() {
        Lesion lesion = fixture.lesion("P001_S1_L1", "P001", "P001_S1").build();
        Lesion sparse = Lesion.builder("P001_S1_L2").patientId("P001").studyId("P001_S1").build();

        UpsertResult result = index.upsert(List.of(lesion, sparse));

        assertThat(result.written()).isEqualTo(2);
        assertThat(result.rejected()).isEmpty();
        assertThat(index.get(lesion.id())).contains(lesion);
        assertThat(index.get(sparse.id())).contains(sparse);
        assertThat(index.get(LesionId.of("no-such-lesion"))).isEmpty();
    }

    @Test
    void upsertReplacesByIdWithoutDuplicates() {
        Lesion first = fixture.lesion("L1", "P1", "S1").build();
        Lesion changed = first.toBuilder().recist(Recist.of(42, 21)).labels(Set.of("kidney")).build();

        index.upsert(List.of(first));
        index.upsert(List.of(first));
        index.upsert(List.of(changed));

        assertThat(index.count(Filter.all())).isEqualTo(1);
        assertThat(index.get(first.id())).contains(changed);
        assertThat(index.count(Filter.label("kidney"))).isEqualTo(1);
        assertThat(index.search(SearchRequest.byVector(first.embedding(), Filter.all(), 10)).hits()).hasSize(1);
    }

    @Test
    void deleteRemovesALesionFromEveryView() {
        List<Lesion> lesions = fixture.cohort(20, 2);
        index.upsert(lesions);
        Lesion gone = lesions.get(3);

        assertThat(index.delete(gone.id())).isTrue();
        assertThat(index.delete(gone.id())).isFalse();

        assertThat(index.get(gone.id())).isEmpty();
        assertThat(index.count(Filter.all())).isEqualTo(19);
        assertThat(index.listByPatient(gone.patientId())).doesNotContain(gone);
        assertThat(index.search(SearchRequest.byVector(gone.embedding(), Filter.all(), 20)).hits())
                .extracting(h -> h.lesion().id()).doesNotContain(gone.id());
    }

    @Test
    void invalidAndForeignModelLesionsAreRejectedOneByOneWhileTheRestLands() {
        float[] nan = fixture.unitVector();
        nan[5] = Float.NaN;
        List<Lesion> batch = new ArrayList<>();
        batch.add(fixture.lesion("ok-1", "P1", "S1").build());
        batch.add(fixture.lesion("bad-vector", "P1", "S1").embedding(nan).build());
        batch.add(fixture.lesion("bad-label", "P1", "S1").labels(Set.of("banana")).build());
        batch.add(fixture.lesion("other-model", "P1", "S1").model(TestLesions.OTHER_MODEL).build());
        batch.add(null);
        batch.add(fixture.lesion("ok-2", "P1", "S1").build());

        UpsertResult result = index.upsert(batch);

        assertThat(result.written()).isEqualTo(2);
        assertThat(result.rejected()).extracting(UpsertResult.Rejected::position).containsExactly(1, 2, 3, 4);
        assertThat(result.rejected().get(0).lesionId()).isEqualTo("bad-vector");
        assertThat(result.rejected().get(0).reason()).contains("bad-vector").contains("embedding[5]");
        assertThat(result.rejected().get(1).reason()).contains("unknown label 'banana'");
        assertThat(result.rejected().get(2).reason())
                .isEqualTo(new ModelMismatchException("other-model", TestLesions.MODEL, TestLesions.OTHER_MODEL).getMessage());
        assertThat(result.rejected().get(3).lesionId()).isNull();
        assertThat(index.count(Filter.all())).isEqualTo(2);
        assertThat(index.model()).contains(TestLesions.MODEL);
    }

    @Test
    void theModelIsUnknownUntilTheFirstEmbeddingArrives() {
        assertThat(index.model()).isEmpty();
        index.upsert(List.of(Lesion.builder("no-vector").patientId("P").studyId("S").build()));
        assertThat(index.model()).isEmpty();

        index.upsert(List.of(fixture.lesion("first", "P", "S").model(TestLesions.OTHER_MODEL).build()));
        UpsertResult second = index.upsert(List.of(fixture.lesion("second", "P", "S").build()));

        assertThat(index.model()).contains(TestLesions.OTHER_MODEL);
        assertThat(second.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("re-index"));
    }

    // ---- filters ------------------------------------------------------------------------------

    @Test
    void everyFilterKindSelectsWhatItMeans() {
        List<Lesion> lesions = filterCohort();
        index.upsert(lesions);
        Lesion some = lesions.get(7);

        List<Filter> filters = List.of(
                Filter.all(),
                Filter.label("liver"),
                new Filter.HasLabel("liver", LabelSource.PREDICTED),
                new Filter.HasLabel("liver", LabelSource.REPORT),
                Filter.allLabels(List.of("liver", "mass")),
                Filter.anyLabel(List.of("kidney", "cyst")),
                Filter.noLabel(List.of("liver", "lung")),
                Filter.patient("P002"),
                Filter.study("P003_S1"),
                new Filter.LesionIs(some.id()),
                Filter.excluding(some.id()),
                Filter.type(CoarseType.LIVER),
                new Filter.SexIs(Sex.F),
                new Filter.SexIs(Sex.UNKNOWN),
                Filter.range(NumericField.SIZE_MM, 10.0, 30.0),
                Filter.range(NumericField.SIZE_MM, null, 10.0),
                Filter.range(NumericField.SHORT_AXIS_MM, 5.0, null),
                Filter.range(NumericField.AGE, 40.0, 60.0),
                Filter.range(NumericField.STUDY_DATE_EPOCH_DAY, (double) LocalDate.of(2016, 1, 1).toEpochDay(), null),
                Filter.range(NumericField.KEY_SLICE, 100.0, 200.0),
                Filter.range(NumericField.LOCATION_Z, 0.5, 1.0),
                Filter.locationBox(0.2, 0.8, 0.0, 0.6, 0.3, 0.9),
                Filter.range(NumericField.SIZE_MM, 30.0, 10.0),
                new Filter.And(List.of()),
                new Filter.Or(List.of()),
                Filter.and(Filter.or(Filter.label("liver"), Filter.type(CoarseType.LUNG)),
                        Filter.not(Filter.patient("P001")), Filter.range(NumericField.SIZE_MM, 5.0, null)),
                Filter.not(Filter.and(Filter.label("mass"), Filter.not(Filter.or(Filter.study("P000_S0"),
                        new Filter.SexIs(Sex.M))))));
        for (Filter filter : filters) {
            List<LesionId> expected = lesions.stream().filter(FilterPredicate.of(filter)).map(Lesion::id).sorted().toList();
            assertThat(index.count(filter)).as("count of %s", filter).isEqualTo(expected.size());
            SearchResult byFilter = index.search(SearchRequest.byFilter(filter, 500));
            assertThat(byFilter.hits()).extracting(h -> h.lesion().id()).as("hits of %s", filter).isEqualTo(expected);
            assertThat(byFilter.totalMatches()).isEqualTo(expected.size());
            assertThat(byFilter.plan()).isEqualTo(SearchPlan.FILTER_ONLY);
            SearchResult byVector = index.search(SearchRequest.byVector(some.embedding(), filter, 500));
            assertThat(byVector.totalMatches()).as("vector total of %s", filter).isEqualTo(expected.size());
            assertThat(byVector.hits()).extracting(h -> h.lesion().id()).as("vector hits of %s", filter)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void unknownLabelsAndBadQueryVectorsAreRefusedWithTheirName() {
        index.upsert(fixture.cohort(5, 1));
        assertThatThrownBy(() -> index.count(Filter.label("banana")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("banana");
        float[] nan = fixture.unitVector();
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> index.search(SearchRequest.byVector(nan, Filter.all(), 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector[3]");
        assertThatThrownBy(() -> index.search(SearchRequest.byVector(new float[7], Filter.all(), 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension mismatch");
    }

    // ---- vector search ------------------------------------------------------------------------

    @Test
    void vectorSearchAgreesWithExactSearch() {
        List<Lesion> lesions = fixture.cohort(300, 15);
        index.upsert(lesions);
        double recall = 0;
        int queries = 20;
        for (int q = 0; q < queries; q++) {
            float[] query = fixture.near(lesions.get(q * 13).embedding(), 0.8);
            Filter filter = q % 2 == 0 ? Filter.all() : Filter.label("liver");
            List<LesionId> exact = exactTop(lesions, query, filter, 10);
            SearchResult result = index.search(SearchRequest.byVector(query, filter, 10));
            List<LesionId> found = result.hits().stream().map(h -> h.lesion().id()).toList();
            recall += found.stream().filter(exact::contains).count() / (double) exact.size();
            for (SearchHit hit : result.hits()) {
                assertThat(hit.similarity()).isCloseTo(dot(query, hit.lesion().embedding()), org.assertj.core.data.Offset.offset(1e-3));
            }
            assertThat(result.hits()).extracting(SearchHit::similarity)
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }
        assertThat(recall / queries).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void searchByExampleUsesItsEmbeddingAndLeavesItOut() {
        List<Lesion> lesions = fixture.cohort(50, 5);
        Lesion twin = lesions.get(11).toBuilder().id(LesionId.of("twin")).embedding(fixture.near(lesions.get(11).embedding(), 0.05)).build();
        index.upsert(lesions);
        index.upsert(List.of(twin));

        SearchResult result = index.search(SearchRequest.byExample(lesions.get(11).id(), Filter.all(), 5));

        assertThat(result.hits()).extracting(h -> h.lesion().id()).doesNotContain(lesions.get(11).id());
        assertThat(result.hits().getFirst().lesion().id()).isEqualTo(twin.id());
        assertThat(result.totalMatches()).isEqualTo(50);
        assertThat(index.search(SearchRequest.byExample(lesions.get(11).id(), Filter.patient(lesions.get(11).patientId()), 50))
                .totalMatches()).isEqualTo(lesions.stream().filter(l -> l.patientId().equals(lesions.get(11).patientId())).count());
        assertThatThrownBy(() -> index.search(SearchRequest.byExample(LesionId.of("missing"), Filter.all(), 5)))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("missing");
    }

    @Test
    void pagesAreStableAndTiesAreBrokenById() {
        List<Lesion> lesions = new ArrayList<>(fixture.cohort(40, 4));
        float[] shared = fixture.unitVector();
        for (String id : List.of("tie-e", "tie-b", "tie-d", "tie-a", "tie-c")) {
            lesions.add(fixture.lesion(id, "P900", "P900_S1").embedding(shared).build());
        }
        index.upsert(lesions);

        SearchRequest all = SearchRequest.byVector(shared, Filter.all(), 12);
        List<LesionId> whole = ids(index.search(all));
        List<LesionId> paged = new ArrayList<>();
        for (int offset = 0; offset < 12; offset += 3) {
            paged.addAll(ids(index.search(all.withPage(3, offset))));
        }
        assertThat(paged).isEqualTo(whole);
        assertThat(whole.subList(0, 5)).extracting(LesionId::value).containsExactly("tie-a", "tie-b", "tie-c", "tie-d", "tie-e");

        SearchRequest filterOnly = SearchRequest.byFilter(Filter.all(), 45);
        List<LesionId> byId = ids(index.search(filterOnly));
        List<LesionId> pagedById = new ArrayList<>();
        for (int offset = 0; offset < 45; offset += 7) {
            pagedById.addAll(ids(index.search(filterOnly.withPage(7, offset))));
        }
        assertThat(pagedById).isEqualTo(byId).isSorted();
        assertThat(index.search(filterOnly.withPage(5, 100)).hits()).isEmpty();
    }

    @Test
    void sortsOrderTheWholeFilterWithMissingValuesLastAndTiesById() {
        List<Lesion> lesions = new ArrayList<>(fixture.cohort(30, 3));
        lesions.add(fixture.lesion("no-size", "P100", "S100").recist(null).studyDate(null).build());
        lesions.add(fixture.lesion("same-size-b", "P100", "S100").recist(Recist.of(55.5, 20)).build());
        lesions.add(fixture.lesion("same-size-a", "P100", "S100").recist(Recist.of(55.5, 20)).build());
        index.upsert(lesions);

        Comparator<Lesion> bySizeDesc = Comparator.comparing((Lesion l) -> l.recist() == null ? Double.NEGATIVE_INFINITY : l.sizeMm())
                .reversed().thenComparing(Lesion::id);
        Comparator<Lesion> bySizeAsc = Comparator.comparing((Lesion l) -> l.recist() == null ? Double.POSITIVE_INFINITY : l.sizeMm())
                .thenComparing(Lesion::id);
        Comparator<Lesion> byDateDesc = Comparator.comparing((Lesion l) -> l.studyDate() == null ? Long.MIN_VALUE : l.studyDate().toEpochDay())
                .reversed().thenComparing(Lesion::id);
        Comparator<Lesion> byDateAsc = Comparator.comparing((Lesion l) -> l.studyDate() == null ? Long.MAX_VALUE : l.studyDate().toEpochDay())
                .thenComparing(Lesion::id);
        Map<SortOrder, Comparator<Lesion>> orders = Map.of(SortOrder.SIZE_DESC, bySizeDesc, SortOrder.SIZE_ASC, bySizeAsc,
                SortOrder.DATE_DESC, byDateDesc, SortOrder.DATE_ASC, byDateAsc);
        for (Map.Entry<SortOrder, Comparator<Lesion>> e : orders.entrySet()) {
            List<LesionId> expected = lesions.stream().sorted(e.getValue()).map(Lesion::id).limit(20).toList();
            SearchResult result = index.search(SearchRequest.byFilter(Filter.all(), 20).withSort(e.getKey()));
            assertThat(ids(result)).as("%s", e.getKey()).isEqualTo(expected);
            SearchResult withVector = index.search(SearchRequest.byVector(lesions.get(0).embedding(), Filter.all(), 20)
                    .withSort(e.getKey()));
            assertThat(ids(withVector)).as("%s with a vector", e.getKey()).isEqualTo(expected);
            assertThat(withVector.hits().getFirst().similarity()).isNotNaN();
        }
    }

    // ---- facets, counts, listings, stats ------------------------------------------------------

    @Test
    void facetsCountLabelsPerClassOverTheWholeFilter() {
        List<Lesion> lesions = filterCohort();
        index.upsert(lesions);
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        Filter filter = Filter.not(Filter.patient("P001"));

        Map<String, Long> expected = new HashMap<>();
        lesions.stream().filter(FilterPredicate.of(filter)).forEach(l -> {
            Set<String> any = new java.util.TreeSet<>(l.labels());
            any.addAll(l.reportLabels());
            any.forEach(label -> expected.merge(label, 1L, Long::sum));
        });

        LabelFacets facets = index.facets(filter);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            LabelClass c = vocabulary.classOf(e.getKey()).orElseThrow();
            assertThat(facets.counts().get(c)).containsEntry(e.getKey(), e.getValue());
            assertThat(facets.count(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(facets.counts().values().stream().mapToInt(Map::size).sum()).isEqualTo(expected.size());
        for (Map<String, Long> counts : facets.counts().values()) {
            assertThat(new ArrayList<>(counts.values())).isSortedAccordingTo(Comparator.reverseOrder());
        }
        SearchResult withFacets = index.search(SearchRequest.byVector(lesions.get(0).embedding(), filter, 3).withFacets(true));
        assertThat(withFacets.facets()).isEqualTo(facets);
        assertThat(index.search(SearchRequest.byFilter(filter, 3).withFacets(true)).facets()).isEqualTo(facets);
        assertThat(index.search(SearchRequest.byFilter(filter, 3)).facets()).isNull();
    }

    @Test
    void listByPatientOrdersByDateStudySliceAndId() {
        List<Lesion> lesions = new ArrayList<>(fixture.cohort(30, 3));
        LocalDate day = LocalDate.of(2020, 5, 1);
        lesions.add(fixture.lesion("x-2", "P777", "P777_B").studyDate(day).keySlice(10).build());
        lesions.add(fixture.lesion("x-1", "P777", "P777_B").studyDate(day).keySlice(10).build());
        lesions.add(fixture.lesion("x-3", "P777", "P777_A").studyDate(day).keySlice(50).build());
        lesions.add(fixture.lesion("x-0", "P777", "P777_C").studyDate(day.minusDays(90)).keySlice(99).build());
        lesions.add(fixture.lesion("x-4", "P777", "P777_D").studyDate(null).keySlice(1).build());
        index.upsert(lesions);

        assertThat(index.listByPatient("P777")).extracting(l -> l.id().value()).containsExactly("x-0", "x-3", "x-1", "x-2", "x-4");
        assertThat(index.listByPatient("P000")).hasSize(10).allMatch(l -> l.patientId().equals("P000"));
        assertThat(index.listByPatient("nobody")).isEmpty();
    }

    @Test
    void statsCountLesionsPatientsAndStudies() {
        index.upsert(fixture.cohort(40, 4));
        index.delete(fixture.cohort(1, 1).getFirst().id());
        index.commit();

        IndexStats stats = index.stats();

        assertThat(stats.backend()).isEqualTo(index.backend());
        assertThat(stats.lesions()).isEqualTo(39);
        assertThat(stats.patients()).isEqualTo(4);
        assertThat(stats.studies()).isEqualTo(8);
        assertThat(stats.model()).isEqualTo(TestLesions.MODEL);
        assertThat(stats.sizeOnDiskBytes()).isNotZero();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Lesions with deliberately varied and missing attributes, for filter tests. */
    protected List<Lesion> filterCohort() {
        List<Lesion> out = new ArrayList<>();
        List<Lesion> base = fixture.cohort(60, 5);
        for (int i = 0; i < base.size(); i++) {
            Lesion.Builder b = base.get(i).toBuilder();
            if (i % 7 == 0) {
                b.recist(null);
            }
            if (i % 9 == 0) {
                b.patientAge(null).sex(Sex.UNKNOWN);
            }
            if (i % 11 == 0) {
                b.location(null).keySlice(null).studyDate(null);
            }
            if (i % 5 == 0) {
                b.labels(Set.of("liver", "mass"));
            }
            out.add(b.build());
        }
        return out;
    }

    protected static List<LesionId> exactTop(List<Lesion> lesions, float[] query, Filter filter, int k) {
        return lesions.stream().filter(l -> l.embedding() != null).filter(FilterPredicate.of(filter))
                .sorted(Comparator.comparingDouble((Lesion l) -> -dot(query, l.embedding())).thenComparing(Lesion::id))
                .limit(k).map(Lesion::id).toList();
    }

    protected static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    protected static List<LesionId> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.lesion().id()).toList();
    }
}
