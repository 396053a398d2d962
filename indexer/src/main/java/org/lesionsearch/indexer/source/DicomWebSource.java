package org.lesionsearch.indexer.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.indexer.dicomweb.CrawlReport;
import org.lesionsearch.indexer.dicomweb.DicomWebSettings;

/**
 * A PACS over DICOMweb: an incremental crawl brings new CT and SR series into a local instance
 * store, then the store is read like a DICOM folder. Lesions of earlier crawls are found again
 * there and skipped by the pipeline once indexed, so an interrupted ingest resumes. A PACS that
 * times out or fails is reported per study or series; what was stored before is still read.
 */
public final class DicomWebSource implements LesionSource {

    private final DicomWebSettings settings;
    private CrawlReport lastCrawl;

    public DicomWebSource(DicomWebSettings settings) {
        this.settings = settings;
    }

    @Override
    public String description() {
        return DicomWebSettings.PREFIX + settings.baseUri();
    }

    /** What the crawl of the last {@link #scan()} did, or {@code null} before one. */
    public CrawlReport lastCrawl() {
        return lastCrawl;
    }

    @Override
    public SourceScan scan() throws IOException {
        try (DicomWebSettings.Crawl crawl = settings.open()) {
            lastCrawl = crawl.crawler().crawl(crawl.options(), org.lesionsearch.indexer.dicomweb.DicomWebCrawler.Listener.NONE);
            SourceScan stored = new DicomFolderSource(crawl.store().root()).scan();
            List<Rejection> rejections = new ArrayList<>(stored.rejections());
            for (CrawlReport.CrawlFailure f : lastCrawl.failures()) {
                String where = f.sopInstanceUid() != null ? "instance " + f.sopInstanceUid()
                        : f.seriesUid() != null ? "series " + f.seriesUid()
                        : f.studyUid() != null ? "study " + f.studyUid() : description();
                rejections.add(new Rejection(null, where, "could not be fetched: " + f.reason()));
            }
            return new SourceScan(stored.series(), rejections, stored.passedOver());
        } catch (IllegalArgumentException e) {
            throw new IOException(description() + ": " + e.getMessage(), e);
        }
    }
}
