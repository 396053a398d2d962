package org.lesionsearch.core.index;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Sex;

/**
 * A backend-neutral boolean filter over lesions. Every backend translates the whole tree;
 * the query language compiles into it.
 */
public sealed interface Filter {

    /** Matches every lesion. */
    record MatchAll() implements Filter {
    }

    record And(List<Filter> clauses) implements Filter {
        public And {
            clauses = List.copyOf(clauses);
        }
    }

    record Or(List<Filter> clauses) implements Filter {
        public Or {
            clauses = List.copyOf(clauses);
        }
    }

    record Not(Filter clause) implements Filter {
    }

    /** The lesion carries {@code label} among the labels of {@code source}. */
    record HasLabel(String label, LabelSource source) implements Filter {
    }

    record PatientIs(String patientId) implements Filter {
    }

    record StudyIs(String studyId) implements Filter {
    }

    record LesionIs(LesionId id) implements Filter {
    }

    record CoarseTypeIs(CoarseType type) implements Filter {
    }

    record SexIs(Sex sex) implements Filter {
    }

    /** {@code min <= field <= max}; either bound may be {@code null} for an open range. */
    record Range(NumericField field, Double min, Double max) implements Filter {
    }

    /** Which label set a {@link HasLabel} looks at. */
    enum LabelSource {
        PREDICTED, REPORT, EITHER
    }

    /** Numeric fields every backend indexes. */
    enum NumericField {
        SIZE_MM, SHORT_AXIS_MM, AGE, LOCATION_X, LOCATION_Y, LOCATION_Z, STUDY_DATE_EPOCH_DAY, KEY_SLICE
    }

    static Filter all() {
        return new MatchAll();
    }

    static Filter and(Filter... clauses) {
        return and(Arrays.asList(clauses));
    }

    /** Conjunction that drops {@link MatchAll} clauses and unwraps a single clause. */
    static Filter and(Collection<Filter> clauses) {
        List<Filter> kept = clauses.stream().filter(c -> !(c instanceof MatchAll)).toList();
        return kept.isEmpty() ? all() : kept.size() == 1 ? kept.getFirst() : new And(kept);
    }

    static Filter or(Filter... clauses) {
        return clauses.length == 1 ? clauses[0] : new Or(List.of(clauses));
    }

    static Filter not(Filter clause) {
        return new Not(clause);
    }

    static Filter label(String label) {
        return new HasLabel(label, LabelSource.EITHER);
    }

    static Filter allLabels(Collection<String> labels) {
        return and(labels.stream().map(Filter::label).toList());
    }

    static Filter anyLabel(Collection<String> labels) {
        return labels.isEmpty() ? all() : new Or(labels.stream().map(Filter::label).toList());
    }

    static Filter noLabel(Collection<String> labels) {
        return labels.isEmpty() ? all() : not(anyLabel(labels));
    }

    static Filter patient(String patientId) {
        return new PatientIs(patientId);
    }

    static Filter study(String studyId) {
        return new StudyIs(studyId);
    }

    static Filter type(CoarseType type) {
        return new CoarseTypeIs(type);
    }

    static Filter range(NumericField field, Double min, Double max) {
        return new Range(field, min, max);
    }

    static Filter excluding(LesionId id) {
        return not(new LesionIs(id));
    }

    /** Lesions whose normalised location lies in the box {@code [min, max]} on each axis. */
    static Filter locationBox(double minX, double maxX, double minY, double maxY, double minZ, double maxZ) {
        return and(range(NumericField.LOCATION_X, minX, maxX), range(NumericField.LOCATION_Y, minY, maxY),
                range(NumericField.LOCATION_Z, minZ, maxZ));
    }
}
