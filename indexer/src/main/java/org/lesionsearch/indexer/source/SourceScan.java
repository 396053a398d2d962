package org.lesionsearch.indexer.source;

import java.util.List;
import java.util.Map;

/**
 * What a source holds, read from its metadata alone: the work, what was refused already, and
 * what was passed over on purpose (e.g. rows whose images were not downloaded) with counts.
 */
public record SourceScan(List<SeriesWork> series, List<Rejection> rejections, Map<String, Long> passedOver) {

    public SourceScan {
        series = List.copyOf(series);
        rejections = List.copyOf(rejections);
        passedOver = Map.copyOf(passedOver);
    }

    public int lesionCount() {
        return series.stream().mapToInt(s -> s.lesions().size()).sum();
    }
}
