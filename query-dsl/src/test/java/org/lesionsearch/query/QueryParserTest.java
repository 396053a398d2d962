package org.lesionsearch.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.query.ast.Expr;
import org.lesionsearch.query.ast.Expr.And;
import org.lesionsearch.query.ast.Expr.Label;
import org.lesionsearch.query.ast.Expr.Not;
import org.lesionsearch.query.ast.Expr.Or;
import org.lesionsearch.query.ast.Expr.Range;
import org.lesionsearch.query.ast.Expr.Text;
import org.lesionsearch.query.ast.LabelScope;
import org.lesionsearch.query.ast.Query;
import org.lesionsearch.query.ast.RangeField;

class QueryParserTest {

    private static Query parse(String q) {
        return QueryParser.parse(q).query();
    }

    @Test
    void freeWordsFormOneTextNode() {
        assertThat(parse("hypodense liver lesion")).isEqualTo(Query.of(Text.of("hypodense", "liver", "lesion")));
    }

    @Test
    void quotedPhrasesJoinTheWordsAroundThem() {
        assertThat(parse("nodule \"left lower lobe\"")).isEqualTo(Query.of(Text.of("nodule", "left", "lower", "lobe")));
    }

    @Test
    void juxtapositionIsAndAndBindsTighterThanOr() {
        assertThat(parse("liver size:>10mm OR lung -cyst")).isEqualTo(Query.of(Or.of(
                And.of(Text.of("liver"), new Range(RangeField.SIZE, Expr.Bound.exclusive(10), null)),
                And.of(Text.of("lung"), new Not(Text.of("cyst"))))));
    }

    @Test
    void negationTakesOneWordFieldOrGroup() {
        assertThat(parse("-cyst liver lesion")).isEqualTo(Query.of(And.of(new Not(Text.of("cyst")), Text.of("liver", "lesion"))));
        assertThat(parse("NOT \"left lower lobe\" nodule")).isEqualTo(
                Query.of(And.of(new Not(Text.of("left", "lower", "lobe")), Text.of("nodule"))));
        assertThat(parse("NOT (calcified cyst)")).isEqualTo(Query.of(new Not(Text.of("calcified", "cyst"))));
        assertThat(parse("- -liver")).isEqualTo(Query.of(new Not(new Not(Text.of("liver")))));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(parse("liver and not cyst or lung")).isEqualTo(parse("liver AND NOT cyst OR lung"));
    }

    @Test
    void parenthesesGroup() {
        assertThat(parse("(liver OR spleen) AND NOT (cyst OR hemangioma)")).isEqualTo(Query.of(And.of(
                Or.of(Text.of("liver"), Text.of("spleen")), new Not(Or.of(Text.of("cyst"), Text.of("hemangioma"))))));
    }

    @Test
    void everyFieldReadsItsValue() {
        Query q = parse("label:\"right lower lobe\" part:liver type:nodule attr:hypodense coarse:soft_tissue"
                + " patient:000004 study:02 sex:f age:40..70 z:0.2..0.6 x:<0.5 y:>=0.1");
        assertThat(((And) q.filter()).clauses()).containsExactly(
                new Label(LabelScope.ANY, "right lower lobe"), new Label(LabelScope.BODY_PART, "liver"),
                new Label(LabelScope.TYPE, "nodule"), new Label(LabelScope.ATTRIBUTE, "hypodense"),
                new Expr.CoarseTypeIs(CoarseType.SOFT_TISSUE), new Expr.Patient("000004"), new Expr.Study("02"),
                new Expr.SexIs(Sex.F), Range.between(RangeField.AGE, 40, 70), Range.between(RangeField.Z, 0.2, 0.6),
                new Range(RangeField.X, null, Expr.Bound.exclusive(0.5)),
                new Range(RangeField.Y, Expr.Bound.inclusive(0.1), null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "size:10..30mm; 10; 30",
        "size:10..30; 10; 30",
        "size:1..3cm; 10; 30",
        "size:1cm..25mm; 10; 25",
        "size:0.3cm; 3; 3",
        "size:20mm; 20; 20",
        "size:2.5..; 2.5; ",
        "size:..15mm; ; 15",
        "size:<=15mm; ; 15",
    })
    void sizesAreRangesInMillimetres(String text, Double min, Double max) {
        Range r = (Range) parse(text).filter();
        assertThat(r.min() == null ? null : r.min().value()).isEqualTo(min);
        assertThat(r.max() == null ? null : r.max().value()).isEqualTo(max);
    }

    @Test
    void optionsApplyToTheWholeQuery() {
        assertThat(parse("liver similar:000004_02_01_013_1 k:20 sort:largest")).isEqualTo(
                new Query(Text.of("liver"), LesionId.of("000004_02_01_013_1"), 20, SortOrder.SIZE_DESC));
        assertThat(parse("(liver OR lung) k:5")).isEqualTo(
                new Query(Or.of(Text.of("liver"), Text.of("lung")), null, 5, null));
        assertThat(parse("similar:1.2.840.113619.2.55.3_2")).isEqualTo(
                new Query(null, LesionId.of("1.2.840.113619.2.55.3_2"), null, null));
    }

    @Test
    void emptyQueryMatchesEverything() {
        assertThat(parse("   ")).isEqualTo(new Query(null, null, null, null));
    }

    @Test
    void positionsPointAtEachWordEvenInsideQuotes() {
        ParsedQuery p = QueryParser.parse("cyst \"left  lower\"");
        Text t = (Text) p.query().filter();
        assertThat(p.wordSpan(t, 0)).isEqualTo(new Span(0, 4));
        assertThat(p.wordSpan(t, 1)).isEqualTo(new Span(6, 10));
        assertThat(p.wordSpan(t, 2)).isEqualTo(new Span(12, 17));
    }

    @Test
    void printerWritesTextThatParsesBack() {
        String text = "(liver OR \"and\" OR label:\"porta Hepatis\") NOT (a b) size:>=2.5mm similar:\"x y\" k:3";
        Query q = parse(text);
        assertThat(QueryPrinter.print(q))
                .isEqualTo("(liver OR \"and\" OR label:\"porta Hepatis\") AND NOT (a b) AND size:>=2.5mm similar:\"x y\" k:3");
        assertThat(parse(QueryPrinter.print(q))).isEqualTo(q);
    }

    /** Every error a user can make in the language, with the message the user sees. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "liver AND|the query ends where a term was expected after 'AND' (at position 9)",
        "OR liver|'OR' needs a term on both sides (at position 0)",
        "liver OR OR lung|'OR' needs a term on both sides (at position 9)",
        "(liver|'(' is never closed (at position 0)",
        "liver)|')' has no matching '(' (at position 5)",
        "liver ()|the parentheses are empty (at position 6)",
        "(liver OR)|a term is missing before ')' after 'OR' (at position 9)",
        "liver -|the query ends where a term was expected after '-' (at position 7)",
        "`\"left lower`|the quote is never closed (at position 0)",
        "liver ?|unexpected character '?'; words are letters and digits, fields are written name:value, and phrases go in double quotes (at position 6)",
        "`\"\" liver`|the quotes are empty (at position 0)",
        "sise:10mm|unknown field 'sise:'; fields are label:, part:, type:, attr:, coarse:, patient:, study:, size:, age:, sex:, x:, y:, z:, similar:, k:, sort: (at position 0); did you mean size:?",
        "liver size:|'size:' needs a value right after the colon, e.g. size:10..30mm (at position 6)",
        "size: 10mm|'size:' needs a value right after the colon, e.g. size:10..30mm (at position 0)",
        "size:big|size: 'big' is not a number or range; write size:10..30mm, size:>2cm or size:<=15mm (at position 5)",
        "size:10in|size: unknown unit 'in'; use mm or cm (at position 5)",
        "size:30..10mm|size: size: the lower bound 30.0 is above the upper bound 10.0 (at position 5)",
        "size:..|size: '..' is not a number or range; write size:10..30mm, size:>2cm or size:<=15mm (at position 5)",
        "age:-5|age: '-5' is not a number or range; write age:40..70 or age:>=65 (at position 4)",
        "age:200|age: age must be between 0.0 and 150.0, was 200.0 (at position 4)",
        "age:40kg|age: unknown unit 'kg'; ages are in years (at position 4)",
        "z:1.5|z: z must be between 0.0 and 1.0, was 1.5 (at position 2)",
        "z:5mm|z: takes a fraction of the body between 0 and 1, without a unit (at position 2)",
        "sex:x|sex: 'x' is not a sex; write sex:F, sex:M or sex:unknown (at position 4)",
        "coarse:brain|coarse: unknown coarse lesion type 'brain' (expected one of [bone, abdomen, mediastinum, liver, lung, kidney, soft_tissue, pelvis, unknown]) (at position 7)",
        "k:0|k: '0' is not a whole number between 1 and 1000 (at position 2)",
        "k:many|k: 'many' is not a whole number between 1 and 1000 (at position 2)",
        "k:5 k:6|'k:' is given more than once (at position 4)",
        "sort:sise_desc|sort: unknown order 'sise_desc'; orders are relevance, size_desc, size_asc, date_desc, date_asc (or largest, smallest, newest, oldest) (at position 5); did you mean size_desc?",
        "liver OR lung k:5|'k:' applies to the whole query, so it cannot stand inside parentheses, OR or NOT; write it at the top level, e.g. (liver OR lung) k:... (at position 14)",
        "NOT similar:abc|'similar:' applies to the whole query, so it cannot stand inside parentheses, OR or NOT; write it at the top level, e.g. (liver OR lung) similar:... (at position 4)",
        "- - - - - - - - - liver|more than 8 negations in a row (at position 16)",
        "((((((((((((((((( liver )))))))))))))))))|parentheses nest more than 16 deep (at position 16)",
        "`part:\"\" liver`|'part:' has an empty value (at position 5)",
        "`label:\"  \"`|'label:' has an empty value (at position 6)",
        "liver \u263A|unexpected character '\u263A'; words are letters and digits, fields are written name:value, and phrases go in double quotes (at position 6)",
    })
    void errorsSayWhatAndWhere(String query, String message) {
        assertThatThrownBy(() -> QueryParser.parse(query)).isInstanceOf(QueryException.class).hasMessage(message);
    }

    @Test
    void aMissingQueryAndAnOverlongLesionIdAreRefused() {
        assertThatThrownBy(() -> QueryParser.parse(null)).isInstanceOf(QueryException.class)
                .hasMessage("the query is missing");
        assertThatThrownBy(() -> QueryParser.parse("similar:" + "x".repeat(300))).isInstanceOf(QueryException.class)
                .hasMessage("similar: lesion id is longer than 256 characters (at position 8)");
    }

    @Test
    void positionsCountCharactersEvenAfterCharactersOutsideTheBasicPlane() {
        // U+1D400 (a mathematical letter) is one code point but two chars.
        String q = "\uD835\uDC00 liver ?";
        QueryException e = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class, () -> QueryParser.parse(q));
        assertThat(e.position()).isEqualTo(q.indexOf('?'));
        assertThatThrownBy(() -> QueryParser.parse("\uD83D\uDE00 liver")).isInstanceOf(QueryException.class)
                .hasMessageStartingWith("unexpected character '\uD83D\uDE00'").hasMessageEndingWith("(at position 0)");
    }

    @Test
    void overlongQueriesAreRefused() {
        assertThatThrownBy(() -> QueryParser.parse("liver ".repeat(400)))
                .isInstanceOf(QueryException.class)
                .hasMessage("the query is 2400 characters long; the most is 2000 (at position 2000)");
    }

    @Test
    void pointerUnderlinesTheProblem() {
        QueryException e = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                () -> QueryParser.parse("liver size:big"));
        assertThat(e.pointer("liver size:big")).isEqualTo("liver size:big" + System.lineSeparator() + "           ^^^");
        assertThat(e.position()).isEqualTo(11);
    }
}
