package org.lesionsearch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.Filter.NumericField;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.ontology.LesionOntology;

class QueryCompilerTest {

    private final QueryCompiler compiler = new QueryCompiler(LesionOntology.lesaNet());

    private static Filter anyOf(String... labels) {
        return Filter.anyLabel(List.of(labels));
    }

    @Test
    void freeWordsResolveToLabelsLongestTermFirst() {
        CompiledQuery q = compiler.compile("hypodense liver lesion");
        assertThat(q.labels()).extracting(QueryLabel::term, QueryLabel::written)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hypoattenuation", "hypodense"),
                        org.assertj.core.groups.Tuple.tuple("liver", "liver lesion"));
        assertThat(q.request().filter()).isEqualTo(Filter.and(Filter.label("hypoattenuation"),
                anyOf("liver", "liver mass", "porta Hepatis", "porta Hepatis lymph node")));
    }

    @Test
    void aLabelMatchesItsDescendantsAndSynonymsResolve() {
        QueryLabel lung = compiler.compile("lung").labels().getFirst();
        assertThat(lung.modelLabels()).contains("lung", "left lung", "left lower lobe", "right upper lobe", "lung nodule");
        assertThat(compiler.compile("pulmonary").request().filter()).isEqualTo(compiler.compile("lung").request().filter());
        assertThat(compiler.compile("label:hepatic").labels().getFirst().term()).isEqualTo("liver");
        assertThat(compiler.compile("\"left lower lobe\"").request().filter()).isEqualTo(Filter.label("left lower lobe"));
    }

    @Test
    void fieldsBecomeFilters() {
        CompiledQuery q = compiler.compile("coarse:lung patient:000004 study:02 sex:M age:40..70 size:1..3cm z:<0.5"
                + " similar:000004_02_01_013_1 k:25 sort:size_asc");
        assertThat(q.request()).isEqualTo(new SearchRequest(null, LesionId.of("000004_02_01_013_1"), Filter.and(
                Filter.type(CoarseType.LUNG), Filter.patient("000004"), Filter.study("02"), new Filter.SexIs(Sex.M),
                Filter.range(NumericField.AGE, 40.0, 70.0), Filter.range(NumericField.SIZE_MM, 10.0, 30.0),
                Filter.range(NumericField.LOCATION_Z, null, Math.nextDown(0.5))), 25, 0, SortOrder.SIZE_ASC, false));
    }

    @Test
    void strictBoundsExcludeTheValue() {
        Filter.Range r = (Filter.Range) compiler.compile("size:>10mm").request().filter();
        assertThat(r.min()).isGreaterThan(10.0).isLessThan(10.000001);
    }

    @Test
    void booleanStructureIsKeptAndOnlyAndedLabelsAreRequired() {
        CompiledQuery q = compiler.compile("(kidney OR spleen) cyst -calcified");
        assertThat(q.request().filter()).isEqualTo(Filter.and(
                new Filter.Or(List.of(anyOf("kidney", "kidney cyst", "left kidney", "right kidney"), Filter.label("spleen"))),
                anyOf("cyst", "kidney cyst", "simple cyst"), Filter.not(Filter.label("calcified"))));
        assertThat(q.labels()).extracting(QueryLabel::term).containsExactly("cyst");
        assertThat(q.excludedLabels()).containsExactly("calcified");
    }

    @Test
    void mutuallyExclusiveLabelsMayBeAlternatives() {
        assertThat(compiler.compile("liver OR spleen").labels()).isEmpty();
        assertThat(compiler.compile("liver -spleen").labels()).extracting(QueryLabel::term).containsExactly("liver");
    }

    @Test
    void fillerWordsAloneMatchEverything() {
        assertThat(compiler.compile("lesions").request().filter()).isEqualTo(Filter.all());
        assertThat(compiler.compile("").request()).isEqualTo(SearchRequest.byFilter(Filter.all(), SearchRequest.DEFAULT_K));
    }

    /** Every error of label resolution, with the message the user sees. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hypodnese liver|unknown word 'hypodnese': not a label of the lesion ontology (a body part, type or attribute) (at position 0); did you mean hypodense, hyperdense?",
        "`liver \"cavitry\" nodule`|unknown word 'cavitry': not a label of the lesion ontology (a body part, type or attribute) (at position 7); did you mean cavitary?",
        "liver spleen|'liver' and 'spleen' are mutually exclusive, so no lesion can have both; use OR to find either (at position 6)",
        "nodule lung liver|'lung' and 'liver' are mutually exclusive ('chest' excludes 'abdomen'), so no lesion can have both; use OR to find either (at position 12)",
        "part:\"left lung\" AND part:\"right lower lobe\"|'left lung' and 'right lower lobe' are mutually exclusive ('left lung' excludes 'right lung'), so no lesion can have both; use OR to find either (at position 21)",
        "type:liver|type: 'liver' is a body part, not a lesion type; write part:liver or label:liver (at position 0)",
        "attr:nodule|attr: 'nodule' is a lesion type, not an attribute; write type:nodule or label:nodule (at position 0)",
        "part:calcified|part: 'calcified' is an attribute, not a body part; write attr:calcified or label:calcified (at position 0)",
        "label:livr|label: unknown label 'livr' (at position 0); did you mean liver?",
        "ureteral stone|'ureteral' means 'ureter', which no lesion carries: neither it nor any term below it is one of the 171 labels the model predicts; search a broader label (at position 0); did you mean pelvis?",
    })
    void errorsSayWhatAndWhere(String query, String message) {
        assertThatThrownBy(() -> compiler.compile(query)).isInstanceOf(QueryException.class).hasMessage(message);
    }

    @Test
    void unknownWordErrorsCarrySuggestionsAndPosition() {
        QueryException e = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                () -> compiler.compile("liver hypodnese"));
        assertThat(e.position()).isEqualTo(6);
        assertThat(e.span()).isEqualTo(new Span(6, 15));
        assertThat(e.suggestions()).startsWith("hypodense");
    }
}
