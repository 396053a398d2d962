package org.lesionsearch.core.index.lucene;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.ontology.LabelVocabulary;

/** Translates the whole backend-neutral {@link Filter} tree into one Lucene query. */
final class FilterQueries {

    private final LabelVocabulary vocabulary;

    FilterQueries(LabelVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** @throws IllegalArgumentException for an unknown label or a NaN range bound, naming it */
    Query toQuery(Filter filter) {
        return switch (filter) {
            case Filter.MatchAll all -> new MatchAllDocsQuery();
            case Filter.And and -> {
                if (and.clauses().isEmpty()) {
                    yield new MatchAllDocsQuery();
                }
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                and.clauses().forEach(c -> b.add(toQuery(c), Occur.FILTER));
                yield b.build();
            }
            case Filter.Or or -> {
                if (or.clauses().isEmpty()) {
                    yield new MatchNoDocsQuery("empty disjunction");
                }
                BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
                or.clauses().forEach(c -> b.add(toQuery(c), Occur.SHOULD));
                yield b.build();
            }
            case Filter.Not not -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(toQuery(not.clause()), Occur.MUST_NOT).build();
            case Filter.HasLabel has -> {
                if (has.label() == null || !vocabulary.contains(has.label())) {
                    throw new IllegalArgumentException("unknown label '" + has.label() + "' in filter (not one of the "
                            + vocabulary.size() + " model labels)");
                }
                yield term(LesionFields.label(has.source() == null ? Filter.LabelSource.EITHER : has.source()), has.label());
            }
            case Filter.PatientIs patient -> term(LesionFields.PATIENT, required("patient", patient.patientId()));
            case Filter.StudyIs study -> term(LesionFields.STUDY, required("study", study.studyId()));
            case Filter.LesionIs lesion -> term(LesionFields.ID, lesion.id().value());
            case Filter.CoarseTypeIs type -> term(LesionFields.COARSE_TYPE, type.type().name());
            case Filter.SexIs sex -> term(LesionFields.SEX, sex.sex().name());
            case Filter.Range range -> range(range);
        };
    }

    private static Query range(Filter.Range range) {
        double min = range.min() == null ? Double.NEGATIVE_INFINITY : range.min();
        double max = range.max() == null ? Double.POSITIVE_INFINITY : range.max();
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("range on " + range.field() + " has a NaN bound");
        }
        return DoublePoint.newRangeQuery(LesionFields.numeric(range.field()), min, max);
    }

    private static String required(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " filter has no id");
        }
        return value;
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
