package org.lesionsearch.indexer.dicomweb;

import java.time.Duration;
import java.util.List;

/**
 * What one crawl did.
 *
 * @param studiesListed studies the study search returned
 * @param studiesUnchanged of those, studies skipped because their series count had not changed
 * @param seriesFetched series retrieved in this crawl
 * @param seriesAlreadySeen series skipped because an earlier crawl took them
 * @param seriesOtherModality series skipped for their modality
 * @param instancesStored instances written to the store
 * @param bytesStored their size on disk
 * @param touchedStudies studies that received instances, for the pipeline to read
 * @param failures what could not be fetched or stored, with the reason
 */
public record CrawlReport(
        int studiesListed,
        int studiesUnchanged,
        int seriesFetched,
        int seriesAlreadySeen,
        int seriesOtherModality,
        int instancesStored,
        long bytesStored,
        List<String> touchedStudies,
        List<CrawlFailure> failures,
        Duration elapsed) {

    public CrawlReport {
        touchedStudies = List.copyOf(touchedStudies);
        failures = List.copyOf(failures);
    }

    /**
     * One failure. UIDs are {@code null} above the level that failed (a study search failure
     * has no study).
     */
    public record CrawlFailure(String studyUid, String seriesUid, String sopInstanceUid, String reason) {}
}
