package org.lesionsearch.indexer.source;

import java.util.List;
import org.lesionsearch.indexer.patch.SliceCache;

/**
 * The lesions measured in one series, with the loader of its slices: the unit one worker
 * decodes, so that slices shared by lesions of a series are decoded once.
 *
 * @param seriesKey the series' identity in its source (a folder name, a Series Instance UID)
 * @param lesions candidates, in the order they should be processed (by key slice)
 * @param loader reads a slice by the key the candidates name
 */
public record SeriesWork(String seriesKey, List<LesionCandidate> lesions, SliceCache.Loader loader) {

    public SeriesWork {
        lesions = List.copyOf(lesions);
    }

    public SeriesWork withLesions(List<LesionCandidate> kept) {
        return new SeriesWork(seriesKey, kept, loader);
    }
}
