package org.lesionsearch.server.api.search;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.List;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Sex;

/**
 * The JSON filter of {@code POST /api/search}: every part optional, all parts must hold.
 *
 * @param labels label conditions
 * @param patient only this patient's lesions
 * @param study only this study's lesions
 * @param coarseType any of these DeepLesion coarse types (one value or an array)
 * @param sizeMm RECIST long axis range in mm
 * @param shortAxisMm RECIST short axis range in mm
 * @param age patient age range in years
 * @param sex only this sex
 * @param location box in normalised body coordinates
 * @param studyDate study date range, inclusive
 * @param exclude lesion ids to leave out
 */
public record FilterBody(
        Labels labels,
        String patient,
        String study,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<CoarseType> coarseType,
        Range sizeMm,
        Range shortAxisMm,
        Range age,
        Sex sex,
        Box location,
        DateRange studyDate,
        List<String> exclude) {

    /**
     * @param all every one of these labels
     * @param any at least one of these
     * @param none none of these
     * @param source which label set to look at: {@code predicted}, {@code report} or {@code either} (default)
     */
    public record Labels(List<String> all, List<String> any, List<String> none, Filter.LabelSource source) {
    }

    /** Inclusive bounds, either may be left out. */
    public record Range(Double min, Double max) {
    }

    /** Ranges on the normalised x, y and z of the body location. */
    public record Box(Range x, Range y, Range z) {
    }

    /** Inclusive ISO dates, either may be left out. */
    public record DateRange(LocalDate from, LocalDate to) {
    }
}
