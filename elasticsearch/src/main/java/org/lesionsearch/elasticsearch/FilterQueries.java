package org.lesionsearch.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * Translates the whole backend-neutral {@link Filter} tree into one Elasticsearch query, with the
 * meaning {@link org.lesionsearch.core.index.FilterPredicate} gives it; bad filters are refused
 * before any request, with the same messages as the Lucene backend.
 */
final class FilterQueries {

    private final LabelVocabulary vocabulary;

    FilterQueries(LabelVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** @throws IllegalArgumentException for an unknown label, a missing id or a NaN range bound, naming it */
    Query toQuery(Filter filter) {
        return switch (filter) {
            case Filter.MatchAll all -> matchAll();
            case Filter.And and -> and.clauses().isEmpty() ? matchAll()
                    : Query.of(q -> q.bool(b -> b.filter(translate(and.clauses()))));
            case Filter.Or or -> or.clauses().isEmpty() ? matchNone()
                    : Query.of(q -> q.bool(b -> b.should(translate(or.clauses())).minimumShouldMatch("1")));
            case Filter.Not not -> Query.of(q -> q.bool(b -> b.mustNot(toQuery(not.clause()))));
            case Filter.HasLabel has -> {
                if (has.label() == null || !vocabulary.contains(has.label())) {
                    throw new IllegalArgumentException("unknown label '" + has.label() + "' in filter (not one of the "
                            + vocabulary.size() + " model labels)");
                }
                yield term(LesionMapping.labels(has.source()), has.label());
            }
            case Filter.PatientIs patient -> term(LesionMapping.PATIENT, required("patient", patient.patientId()));
            case Filter.StudyIs study -> term(LesionMapping.STUDY, required("study", study.studyId()));
            case Filter.LesionIs lesion -> term(LesionMapping.ID, lesion.id().value());
            case Filter.CoarseTypeIs type -> term(LesionMapping.COARSE_TYPE, type.type().name());
            case Filter.SexIs sex -> term(LesionMapping.SEX, sex.sex().name());
            case Filter.Range range -> range(range);
        };
    }

    /** Every lesion but one: the example of a search by example. */
    static Query excluding(Query filter, String lesionId) {
        return Query.of(q -> q.bool(b -> b.filter(filter).mustNot(term(LesionMapping.ID, lesionId))));
    }

    private List<Query> translate(List<Filter> clauses) {
        return clauses.stream().map(this::toQuery).toList();
    }

    /** JSON has no infinities: an infinite bound is either no bound or one nothing finite can meet. */
    private static Query range(Filter.Range range) {
        Double min = range.min(), max = range.max();
        if ((min != null && min.isNaN()) || (max != null && max.isNaN())) {
            throw new IllegalArgumentException("range on " + range.field() + " has a NaN bound");
        }
        if ((min != null && min == Double.POSITIVE_INFINITY) || (max != null && max == Double.NEGATIVE_INFINITY)) {
            return matchNone();
        }
        Double gte = min == null || min == Double.NEGATIVE_INFINITY ? null : min;
        Double lte = max == null || max == Double.POSITIVE_INFINITY ? null : max;
        String field = LesionMapping.numeric(range.field());
        if (gte == null && lte == null) {
            return Query.of(q -> q.exists(e -> e.field(field)));
        }
        return Query.of(q -> q.range(r -> r.number(n -> n.field(field).gte(gte).lte(lte))));
    }

    private static String required(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " filter has no id");
        }
        return value;
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query matchAll() {
        return Query.of(q -> q.matchAll(m -> m));
    }

    private static Query matchNone() {
        return Query.of(q -> q.matchNone(m -> m));
    }
}
