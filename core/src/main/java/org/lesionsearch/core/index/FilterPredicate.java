package org.lesionsearch.core.index;

import java.util.function.Predicate;
import org.lesionsearch.core.lesion.Lesion;

/**
 * What a {@link Filter} means, evaluated on a lesion record in memory. Backends translate filters
 * into their own queries; this is the reference they are tested and benchmarked against.
 */
public final class FilterPredicate {

    private FilterPredicate() {
    }

    public static Predicate<Lesion> of(Filter filter) {
        return lesion -> matches(filter, lesion);
    }

    public static boolean matches(Filter filter, Lesion lesion) {
        return switch (filter) {
            case Filter.MatchAll all -> true;
            case Filter.And and -> and.clauses().stream().allMatch(c -> matches(c, lesion));
            case Filter.Or or -> or.clauses().stream().anyMatch(c -> matches(c, lesion));
            case Filter.Not not -> !matches(not.clause(), lesion);
            case Filter.HasLabel has -> switch (has.source() == null ? Filter.LabelSource.EITHER : has.source()) {
                case PREDICTED -> lesion.labels().contains(has.label());
                case REPORT -> lesion.reportLabels().contains(has.label());
                case EITHER -> lesion.labels().contains(has.label()) || lesion.reportLabels().contains(has.label());
            };
            case Filter.PatientIs patient -> patient.patientId().equals(lesion.patientId());
            case Filter.StudyIs study -> study.studyId().equals(lesion.studyId());
            case Filter.LesionIs id -> id.id().equals(lesion.id());
            case Filter.CoarseTypeIs type -> type.type() == lesion.coarseType();
            case Filter.SexIs sex -> sex.sex() == lesion.sex();
            case Filter.Range range -> {
                Double value = value(range.field(), lesion);
                yield value != null && (range.min() == null || value >= range.min())
                        && (range.max() == null || value <= range.max());
            }
        };
    }

    /** The lesion's value of a numeric field, or {@code null} when it has none. */
    public static Double value(Filter.NumericField field, Lesion lesion) {
        return switch (field) {
            case SIZE_MM -> lesion.recist() == null ? null : lesion.recist().longAxisMm();
            case SHORT_AXIS_MM -> lesion.recist() == null ? null : lesion.recist().shortAxisMm();
            case AGE -> lesion.patientAge() == null ? null : lesion.patientAge().doubleValue();
            case LOCATION_X -> lesion.location() == null ? null : lesion.location().x();
            case LOCATION_Y -> lesion.location() == null ? null : lesion.location().y();
            case LOCATION_Z -> lesion.location() == null ? null : lesion.location().z();
            case STUDY_DATE_EPOCH_DAY -> lesion.studyDate() == null ? null : (double) lesion.studyDate().toEpochDay();
            case KEY_SLICE -> lesion.keySlice() == null ? null : lesion.keySlice().doubleValue();
        };
    }
}
