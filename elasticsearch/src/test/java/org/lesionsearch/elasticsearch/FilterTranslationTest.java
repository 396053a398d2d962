package org.lesionsearch.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.FilterPredicate;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * Random filter trees, translated into Elasticsearch queries, select exactly the lesions the
 * reference predicate selects: nesting, negation, empty clauses, open and infinite ranges, and
 * lesions that lack the filtered value.
 */
class FilterTranslationTest {

    @RegisterExtension
    static final ElasticsearchNode NODE = new ElasticsearchNode();

    private static ElasticsearchLesionIndex index;
    private static List<Lesion> lesions;

    @BeforeAll
    static void fill() {
        TestLesions fixture = new TestLesions(99L);
        List<Lesion> base = fixture.cohort(150, 12);
        lesions = new ArrayList<>();
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
            if (i % 13 == 0) {
                b.embedding(null).labels(Set.of());
            }
            lesions.add(b.build());
        }
        index = ElasticsearchLesionIndex.open(ElasticsearchOptions.defaults(NODE.url(), "filters"));
        assertThat(index.upsert(lesions).rejected()).isEmpty();
    }

    @AfterAll
    static void drop() {
        index.deleteAllGenerations();
    }

    @Test
    void randomFilterTreesSelectWhatThePredicateSelects() {
        SplittableRandom random = new SplittableRandom(20250301L);
        for (int i = 0; i < 250; i++) {
            Filter filter = filter(random, 3);
            List<LesionId> expected = lesions.stream().filter(FilterPredicate.of(filter)).map(Lesion::id).sorted().toList();

            assertThat(index.count(filter)).as("count of %s", filter).isEqualTo(expected.size());
            assertThat(index.search(SearchRequest.byFilter(filter, 200)).hits()).extracting(h -> h.lesion().id())
                    .as("hits of %s", filter).isEqualTo(expected);
        }
    }

    @Test
    void badFiltersAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> index.count(Filter.label("banana")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'banana'");
        assertThatThrownBy(() -> index.count(Filter.range(Filter.NumericField.AGE, Double.NaN, 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AGE").hasMessageContaining("NaN");
        assertThatThrownBy(() -> index.count(Filter.patient(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patient");
    }

    private static Filter filter(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth == 0 ? 8 : 12);
        return switch (kind) {
            case 0 -> Filter.all();
            case 1 -> new Filter.HasLabel(TestLesions.LABELS.get(random.nextInt(TestLesions.LABELS.size())),
                    Filter.LabelSource.values()[random.nextInt(3)]);
            case 2 -> Filter.patient(String.format(java.util.Locale.ROOT, "P%03d", random.nextInt(14)));
            case 3 -> Filter.study(String.format(java.util.Locale.ROOT, "P%03d_S%d", random.nextInt(14), random.nextInt(3)));
            case 4 -> new Filter.LesionIs(lesions.get(random.nextInt(lesions.size())).id());
            case 5 -> Filter.type(CoarseType.values()[random.nextInt(CoarseType.values().length)]);
            case 6 -> new Filter.SexIs(Sex.values()[random.nextInt(3)]);
            case 7 -> range(random);
            case 8 -> new Filter.Not(filter(random, depth - 1));
            case 9 -> new Filter.And(children(random, depth));
            case 10 -> new Filter.Or(children(random, depth));
            default -> range(random);
        };
    }

    private static List<Filter> children(SplittableRandom random, int depth) {
        List<Filter> out = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            out.add(filter(random, depth - 1));
        }
        return out;
    }

    private static Filter range(SplittableRandom random) {
        Filter.NumericField field = Filter.NumericField.values()[random.nextInt(Filter.NumericField.values().length)];
        double scale = switch (field) {
            case SIZE_MM, SHORT_AXIS_MM, AGE -> 90;
            case LOCATION_X, LOCATION_Y, LOCATION_Z -> 1;
            case STUDY_DATE_EPOCH_DAY -> 2000 + 16436;
            case KEY_SLICE -> 300;
        };
        return Filter.range(field, bound(random, scale, Double.NEGATIVE_INFINITY), bound(random, scale, Double.POSITIVE_INFINITY));
    }

    private static Double bound(SplittableRandom random, double scale, double infinity) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> infinity;
            case 2 -> -infinity;
            default -> Math.round(random.nextDouble() * scale * 100) / 100.0;
        };
    }

    static {
        // the fixture's labels must be model labels, or the filters above would be refused
        assertThat(LabelVocabulary.lesaNet171().terms()).containsAll(TestLesions.LABELS);
    }
}
