package org.lesionsearch.core.index.lucene;

import org.lesionsearch.core.index.Filter.LabelSource;
import org.lesionsearch.core.index.Filter.NumericField;

/** Names of the Lucene fields of a lesion document; one place so that writer, filters and readers agree. */
final class LesionFields {

    static final String ID = "id";
    static final String PATIENT = "patient";
    static final String STUDY = "study";
    static final String COARSE_TYPE = "coarse_type";
    static final String SEX = "sex";
    static final String LABEL_PREDICTED = "label_predicted";
    static final String LABEL_REPORT = "label_report";
    /** Union of predicted and report labels: the field of {@link LabelSource#EITHER} and of facets. */
    static final String LABEL_ANY = "label_any";
    static final String EMBEDDING = "embedding";
    /** The whole record except its embedding, as binary doc values: random access without decompression. */
    static final String PAYLOAD = "payload";
    static final String SORT_SIZE = "sort_size_mm";
    static final String SORT_DATE = "sort_study_date";

    private LesionFields() {
    }

    static String label(LabelSource source) {
        return switch (source) {
            case PREDICTED -> LABEL_PREDICTED;
            case REPORT -> LABEL_REPORT;
            case EITHER -> LABEL_ANY;
        };
    }

    static String numeric(NumericField field) {
        return switch (field) {
            case SIZE_MM -> "size_mm";
            case SHORT_AXIS_MM -> "short_axis_mm";
            case AGE -> "age";
            case LOCATION_X -> "location_x";
            case LOCATION_Y -> "location_y";
            case LOCATION_Z -> "location_z";
            case STUDY_DATE_EPOCH_DAY -> "study_date";
            case KEY_SLICE -> "key_slice";
        };
    }
}
