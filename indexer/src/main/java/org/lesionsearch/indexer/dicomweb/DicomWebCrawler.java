package org.lesionsearch.indexer.dicomweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental crawl of a PACS over DICOMweb: searches studies (QIDO-RS, date range and
 * modality filters) from the state's watermark on, lists the series of each new or changed
 * study, retrieves the series not yet seen whose modality the pipeline reads (WADO-RS), and
 * stores their instances in a {@link DicomInstanceStore}. A rerun fetches only new series.
 *
 * <p>A failed series is reported and retried on the next crawl; the rest go on. The state is
 * saved after each study, so an interrupted crawl resumes where it stopped.
 */
public final class DicomWebCrawler {

    private static final Logger log = LoggerFactory.getLogger(DicomWebCrawler.class);

    private final DicomWebClient client;
    private final DicomInstanceStore store;
    private final CrawlState state;

    public DicomWebCrawler(DicomWebClient client, DicomInstanceStore store, CrawlState state) {
        this.client = client;
        this.store = store;
        this.state = state;
    }

    /**
     * What to crawl.
     *
     * @param studies the study search; its lower date bound rises to the state's watermark
     * @param seriesModalities series modalities to fetch, e.g. CT and SR (measurements)
     * @param rescan ignore the watermark and list every study the search matches (series
     *     already seen are still skipped), to catch studies that arrived with an old date
     */
    public record Options(StudyQuery studies, Set<String> seriesModalities, boolean rescan) {

        public Options {
            Set<String> upper = new LinkedHashSet<>();
            seriesModalities.forEach(m -> upper.add(m.toUpperCase(Locale.ROOT)));
            seriesModalities = Set.copyOf(upper);
        }

        /** CT studies, their CT series and their SR measurement documents. */
        public static Options ctWithMeasurements() {
            return new Options(StudyQuery.ct(), Set.of("CT", "SR"), false);
        }
    }

    /** Observes a crawl as it goes, e.g. for a progress bar. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void studiesListed(int count) {}

        default void seriesStored(SeriesRef series, List<Path> files) {}

        default void failed(CrawlReport.CrawlFailure failure) {}
    }

    public CrawlReport crawl(Options options, Listener listener) {
        long start = System.nanoTime();
        StudyQuery query = options.studies();
        LocalDate mark = state.watermark();
        if (!options.rescan() && mark != null && (query.from() == null || mark.isAfter(query.from()))) {
            if (query.to() != null && mark.isAfter(query.to())) {
                mark = query.to();
            }
            query = query.from(mark);
        }
        Counts counts = new Counts();
        List<StudyRef> studies;
        try {
            studies = client.searchStudies(query);
        } catch (DicomWebException e) {
            counts.fail(listener, new CrawlReport.CrawlFailure(null, null, null, e.getMessage()));
            return counts.report(0, start);
        }
        listener.studiesListed(studies.size());
        // Oldest first, so the watermark can stop at the first study that failed.
        List<StudyRef> ordered = studies.stream()
                .sorted(Comparator.comparing(StudyRef::studyDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        LocalDate firstFailedDate = null;
        LocalDate lastDate = null;
        for (StudyRef study : ordered) {
            boolean handled = crawlStudy(study, options, counts, listener);
            if (study.studyDate() != null) {
                lastDate = study.studyDate();
                if (!handled && firstFailedDate == null) {
                    firstFailedDate = study.studyDate();
                }
            }
            state.save();
        }
        LocalDate newMark = firstFailedDate != null ? firstFailedDate : lastDate;
        if (newMark != null && (state.watermark() == null || newMark.isAfter(state.watermark()))) {
            state.watermark(newMark);
        }
        state.save();
        return counts.report(studies.size(), start);
    }

    /** Returns whether every wanted series of the study is now in the store. */
    private boolean crawlStudy(StudyRef study, Options options, Counts counts, Listener listener) {
        if (state.unchanged(study)) {
            counts.studiesUnchanged++;
            return true;
        }
        List<SeriesRef> series;
        try {
            series = client.searchSeries(study.studyUid());
        } catch (DicomWebException | IllegalArgumentException e) {
            counts.fail(listener, new CrawlReport.CrawlFailure(study.studyUid(), null, null, e.getMessage()));
            return false;
        }
        boolean complete = true;
        for (SeriesRef s : series) {
            if (state.seen(s.studyUid(), s.seriesUid())) {
                counts.seriesAlreadySeen++;
                continue;
            }
            if (s.modality() != null && !options.seriesModalities().contains(s.modality().toUpperCase(Locale.ROOT))) {
                counts.seriesOtherModality++;
                continue;
            }
            complete &= fetchSeries(s, counts, listener);
        }
        if (complete) {
            state.markHandled(study);
        }
        return complete;
    }

    private boolean fetchSeries(SeriesRef s, Counts counts, Listener listener) {
        Path staging;
        try {
            staging = store.newStagingFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder in " + store.root(), e);
        }
        try {
            List<Path> parts = client.retrieveSeries(s.studyUid(), s.seriesUid(), staging);
            List<Path> stored = new ArrayList<>();
            for (Path part : parts) {
                switch (store.accept(part, s.studyUid())) {
                    case DicomInstanceStore.Outcome.Stored ok -> {
                        stored.add(ok.path());
                        counts.bytesStored += sizeOf(ok.path());
                    }
                    case DicomInstanceStore.Outcome.Refused no -> counts.fail(listener, new CrawlReport.CrawlFailure(
                            s.studyUid(), s.seriesUid(), no.header() == null ? null : no.header().sopInstanceUid(),
                            "instance " + part.getFileName() + " refused: " + no.reason()));
                }
            }
            // Refused instances will not become valid by fetching them again: the series counts as seen.
            state.markSeen(s.studyUid(), s.seriesUid());
            counts.seriesFetched++;
            counts.instancesStored += stored.size();
            if (!stored.isEmpty()) {
                counts.touched.add(s.studyUid());
            }
            listener.seriesStored(s, stored);
            return true;
        } catch (DicomWebException e) {
            counts.fail(listener, new CrawlReport.CrawlFailure(s.studyUid(), s.seriesUid(), null, e.getMessage()));
            return false;
        } finally {
            deleteTree(staging);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) {
        try {
            IOUtils.rm(dir);
        } catch (IOException e) {
            log.debug("cannot remove staging folder {}: {}", dir, e.getMessage());
        }
    }

    private static final class Counts {
        int studiesUnchanged;
        int seriesFetched;
        int seriesAlreadySeen;
        int seriesOtherModality;
        int instancesStored;
        long bytesStored;
        final Set<String> touched = new LinkedHashSet<>();
        final List<CrawlReport.CrawlFailure> failures = new ArrayList<>();

        void fail(Listener listener, CrawlReport.CrawlFailure failure) {
            failures.add(failure);
            log.warn("DICOMweb crawl: {}", failure.reason());
            listener.failed(failure);
        }

        CrawlReport report(int listed, long startNanos) {
            return new CrawlReport(listed, studiesUnchanged, seriesFetched, seriesAlreadySeen, seriesOtherModality,
                    instancesStored, bytesStored, List.copyOf(touched), failures, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
