package org.lesionsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.query.ast.Expr;
import org.lesionsearch.query.ast.LabelScope;
import org.lesionsearch.query.ast.Query;
import org.lesionsearch.query.ast.RangeField;

/** Printing then parsing gives back the same tree, and no text makes the parser throw anything but a query error. */
class QueryRoundTripPropertyTest {

    @Property(tries = 2000)
    void printThenParseGivesTheSameTree(@ForAll("queries") Query query) {
        String printed = QueryPrinter.print(query);
        assertThat(QueryParser.parse(printed).query()).as(printed).isEqualTo(query);
    }

    @Property(tries = 3000)
    void anyTextParsesOrFailsWithAQueryError(@ForAll("noise") String text) {
        try {
            QueryParser.parse(text);
        } catch (QueryException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.position()).isBetween(-1, text.length());
        }
    }

    @Property(tries = 3000)
    void anyTokenSoupParsesOrFailsWithAQueryError(@ForAll("tokenSoup") String text) {
        try {
            ParsedQuery parsed = QueryParser.parse(text);
            // Whatever parsed must print to something that parses to the same tree.
            assertThat(QueryParser.parse(QueryPrinter.print(parsed.query())).query()).isEqualTo(parsed.query());
        } catch (QueryException e) {
            assertThat(e.position()).isBetween(-1, text.length());
        }
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().all().ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("liver", "left lower lobe", "AND", "or", "NOT", "-", "(", ")", "\"",
                "\"a b\"", "size:", "size:10..30mm", "size:>2cm", "k:", "k:5", "sort:size_desc", "similar:x_1",
                "label:", "label:\"porta Hepatis\"", "age:40..", "z:0.5", "sex:F", "foo:", ":", "..", ",", " ", "é",
                "\\", "k:0", "patient:\"\"", "-cyst", "x:<0.1");
        return token.list().ofMaxSize(12).map(ts -> String.join(" ", ts));
    }

    @Provide
    Arbitrary<Query> queries() {
        Arbitrary<Expr> filter = expr(3);
        Arbitrary<LesionId> similar = Arbitraries.oneOf(Arbitraries.just((LesionId) null),
                values().map(LesionId::of));
        Arbitrary<Integer> k = Arbitraries.oneOf(Arbitraries.just((Integer) null), Arbitraries.integers().between(1, Query.MAX_K));
        Arbitrary<SortOrder> sort = Arbitraries.oneOf(Arbitraries.just((SortOrder) null), Arbitraries.of(SortOrder.class));
        Arbitrary<Expr> maybeFilter = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just((Expr) null)), net.jqwik.api.Tuple.of(6, filter));
        return Combinators.combine(maybeFilter, similar, k, sort).as(Query::new);
    }

    private Arbitrary<Expr> expr(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> expr(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf()),
                net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(Expr.And::new)),
                net.jqwik.api.Tuple.of(2, sub.list().ofMinSize(2).ofMaxSize(3).map(Expr.Or::new)),
                net.jqwik.api.Tuple.of(2, sub.map(Expr.Not::new)));
    }

    private Arbitrary<Expr> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 4).flatMap(n -> word().list().ofSize(n)).map(Expr.Text::new),
                Combinators.combine(Arbitraries.of(LabelScope.class), values()).as(Expr.Label::new),
                Arbitraries.of(CoarseType.class).map(Expr.CoarseTypeIs::new),
                values().map(Expr.Patient::new),
                values().map(Expr.Study::new),
                Arbitraries.of(Sex.class).map(Expr.SexIs::new),
                range());
    }

    private Arbitrary<Expr> range() {
        return Arbitraries.of(RangeField.class).flatMap(field -> {
            Arbitrary<Double> v = Arbitraries.oneOf(
                    Arbitraries.doubles().between(field.lowest(), field.highest()),
                    Arbitraries.integers().between((int) field.lowest(), (int) field.highest()).map(i -> (double) i),
                    Arbitraries.doubles().between(field.lowest(), field.highest()).ofScale(2));
            return Arbitraries.oneOf(
                    Combinators.combine(v, v).as((a, b) -> Expr.Range.between(field, Math.min(a, b), Math.max(a, b))),
                    Combinators.combine(v, Arbitraries.of(true, false)).as((a, inc) -> new Expr.Range(field, new Expr.Bound(a, inc), null)),
                    Combinators.combine(v, Arbitraries.of(true, false)).as((a, inc) -> new Expr.Range(field, null, new Expr.Bound(a, inc))));
        });
    }

    /** Words, including ones that need quotes: keywords, punctuation, quotes and backslashes, non-ASCII. */
    private Arbitrary<String> word() {
        return Arbitraries.oneOf(
                Arbitraries.of("liver", "lung", "left", "lower", "lobe", "hypodense", "AND", "or", "Not", "ground-glass",
                        "2cm", "size:10", "-cyst", "(x)", "a\"b", "back\\slash", "é", "中文", "k:5"),
                Arbitraries.strings().withChars("abcXYZ019-_.'/:\"\\()é,").ofMinLength(1).ofMaxLength(6));
    }

    /** Field values, including ones that need quotes. */
    private Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("000004", "porta Hepatis", "left lower lobe", "1.2.840.113619.2_1", "a\"b", "x)", "AND"),
                Arbitraries.strings().withChars("abcXYZ019-_.'/:\"\\() é,").ofMinLength(1).ofMaxLength(8)
                        .filter(s -> !s.isBlank()).map(String::strip));
    }
}
