package org.lesionsearch.server.api.search;

import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.Filter.NumericField;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.core.ontology.OntologyTerm;
import org.lesionsearch.server.api.error.ApiException;

/**
 * Turns the JSON filter into the backend-neutral {@link Filter}, refusing (422, naming the field)
 * labels outside the vocabulary (with suggestions from the ontology), inverted ranges and blank ids.
 * Labels match exactly; synonyms and ontology descendants are the query language's business.
 */
public final class FilterTranslator {

    private final LabelVocabulary vocabulary;
    private final LesionOntology ontology;

    public FilterTranslator(LesionOntology ontology) {
        this.ontology = ontology;
        this.vocabulary = ontology.vocabulary();
    }

    public Filter translate(FilterBody body, String field) {
        if (body == null) {
            return Filter.all();
        }
        List<Filter> clauses = new ArrayList<>();
        if (body.labels() != null) {
            clauses.add(labels(body.labels(), field + ".labels"));
        }
        if (body.patient() != null) {
            clauses.add(Filter.patient(text(body.patient(), field + ".patient")));
        }
        if (body.study() != null) {
            clauses.add(Filter.study(text(body.study(), field + ".study")));
        }
        if (body.coarseType() != null && !body.coarseType().isEmpty()) {
            clauses.add(Filter.or(body.coarseType().stream().map(Filter::type).toArray(Filter[]::new)));
        }
        if (body.sex() != null) {
            clauses.add(new Filter.SexIs(body.sex()));
        }
        range(clauses, body.sizeMm(), NumericField.SIZE_MM, field + ".sizeMm");
        range(clauses, body.shortAxisMm(), NumericField.SHORT_AXIS_MM, field + ".shortAxisMm");
        range(clauses, body.age(), NumericField.AGE, field + ".age");
        if (body.location() != null) {
            range(clauses, body.location().x(), NumericField.LOCATION_X, field + ".location.x");
            range(clauses, body.location().y(), NumericField.LOCATION_Y, field + ".location.y");
            range(clauses, body.location().z(), NumericField.LOCATION_Z, field + ".location.z");
        }
        if (body.studyDate() != null) {
            FilterBody.DateRange d = body.studyDate();
            if (d.from() != null && d.to() != null && d.from().isAfter(d.to())) {
                throw ApiException.unprocessable(field + ".studyDate", field + ".studyDate: from (" + d.from()
                        + ") is after to (" + d.to() + ")");
            }
            if (d.from() != null || d.to() != null) {
                clauses.add(Filter.range(NumericField.STUDY_DATE_EPOCH_DAY,
                        d.from() == null ? null : (double) d.from().toEpochDay(),
                        d.to() == null ? null : (double) d.to().toEpochDay()));
            }
        }
        if (body.exclude() != null) {
            for (int i = 0; i < body.exclude().size(); i++) {
                String name = field + ".exclude[" + i + "]";
                try {
                    clauses.add(Filter.excluding(LesionId.of(body.exclude().get(i))));
                } catch (IllegalArgumentException e) {
                    throw ApiException.unprocessable(name, name + ": " + e.getMessage());
                }
            }
        }
        return Filter.and(clauses);
    }

    private Filter labels(FilterBody.Labels labels, String field) {
        Filter.LabelSource source = labels.source() == null ? Filter.LabelSource.EITHER : labels.source();
        List<Filter> clauses = new ArrayList<>();
        if (labels.all() != null) {
            clauses.addAll(known(labels.all(), field + ".all", source));
        }
        if (labels.any() != null && !labels.any().isEmpty()) {
            clauses.add(Filter.or(known(labels.any(), field + ".any", source).toArray(Filter[]::new)));
        }
        if (labels.none() != null && !labels.none().isEmpty()) {
            clauses.add(Filter.not(Filter.or(known(labels.none(), field + ".none", source).toArray(Filter[]::new))));
        }
        return Filter.and(clauses);
    }

    private List<Filter> known(List<String> labels, String field, Filter.LabelSource source) {
        List<Filter> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i).trim();
            if (!vocabulary.contains(label)) {
                throw ApiException.unprocessable(field + "[" + i + "]", "unknown label '" + labels.get(i) + "' in " + field
                        + "[" + i + "]" + suggestion(label) + "; labels are the " + vocabulary.size() + " model labels");
            }
            out.add(new Filter.HasLabel(label, source));
        }
        return out;
    }

    /** Model labels the word means or resembles, by the ontology's names, synonyms and spelling. */
    private String suggestion(String label) {
        java.util.Set<String> near = new java.util.LinkedHashSet<>();
        if (!label.isBlank()) {
            ontology.resolve(label).map(OntologyTerm::name).ifPresent(near::add);
            for (String word : ontology.suggest(label, 10)) {
                ontology.resolve(word).map(OntologyTerm::name).ifPresent(near::add);
            }
        }
        List<String> known = near.stream().filter(vocabulary::contains).limit(3).map(t -> "'" + t + "'").toList();
        return known.isEmpty() ? "" : " (did you mean " + String.join(" or ", known) + "?)";
    }

    private static void range(List<Filter> clauses, FilterBody.Range range, NumericField numeric, String field) {
        if (range == null || range.min() == null && range.max() == null) {
            return;
        }
        if (range.min() != null && range.max() != null && range.min() > range.max()) {
            throw ApiException.unprocessable(field, field + ": min (" + range.min() + ") is greater than max (" + range.max() + ")");
        }
        clauses.add(Filter.range(numeric, range.min(), range.max()));
    }

    private static String text(String value, String field) {
        if (value.isBlank()) {
            throw ApiException.unprocessable(field, field + " must not be blank");
        }
        return value;
    }
}
