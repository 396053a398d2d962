package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The DICOMweb client and the incremental crawl against a real Orthanc with its DICOMweb plugin. */
class OrthancDicomWebTest {

    @RegisterExtension
    static final OrthancExtension orthanc = new OrthancExtension();

    @TempDir
    Path tmp;

    @BeforeEach
    void empty() throws IOException {
        orthanc.server().deleteAll();
    }

    private DicomWebClient client() {
        return new DicomWebClient(DicomWebConfig.of(orthanc.server().dicomWebUri()));
    }

    @Test
    void searchesStudiesByDateRangeAndModalityAndRetrievesTheSameBytes() throws IOException {
        String s2019 = DicomTestFiles.newUid();
        String s2021 = DicomTestFiles.newUid();
        String mrStudy = DicomTestFiles.newUid();
        String series = DicomTestFiles.newUid();
        Path ct2019 = DicomTestFiles.ct(tmp.resolve("a.dcm"), s2019, series, DicomTestFiles.newUid(), LocalDate.of(2019, 3, 1));
        orthanc.server().upload(ct2019);
        orthanc.server().upload(DicomTestFiles.ct(tmp.resolve("b.dcm"), s2021, DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                LocalDate.of(2021, 6, 1)));
        orthanc.server().storescu(DicomTestFiles.mr(tmp.resolve("c.dcm"), mrStudy, DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                LocalDate.of(2019, 5, 1)));

        try (DicomWebClient client = client()) {
            assertThat(client.searchStudies(StudyQuery.ct())).extracting(StudyRef::studyUid).containsExactlyInAnyOrder(s2019, s2021);
            assertThat(client.searchStudies(new StudyQuery(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), Set.of())))
                    .extracting(StudyRef::studyUid).containsExactlyInAnyOrder(s2019, mrStudy);
            assertThat(client.searchStudies(new StudyQuery(LocalDate.of(2020, 1, 1), null, Set.of("CT"))))
                    .singleElement().satisfies(s -> {
                        assertThat(s.studyUid()).isEqualTo(s2021);
                        assertThat(s.studyDate()).isEqualTo(LocalDate.of(2021, 6, 1));
                        assertThat(s.modalities()).containsExactly("CT");
                        assertThat(s.seriesCount()).isEqualTo(1);
                    });

            List<SeriesRef> seriesList = client.searchSeries(s2019);
            assertThat(seriesList).singleElement().satisfies(s -> {
                assertThat(s.seriesUid()).isEqualTo(series);
                assertThat(s.modality()).isEqualTo("CT");
                assertThat(s.instanceCount()).isEqualTo(1);
            });
            List<InstanceRef> instances = client.searchInstances(s2019, series);
            assertThat(instances).singleElement().extracting(InstanceRef::sopClassUid).isEqualTo(DicomTestFiles.CT_IMAGE_STORAGE);

            List<Path> files = client.retrieveSeries(s2019, series, tmp.resolve("got"));
            assertThat(files).hasSize(1);
            assertThat(Files.readAllBytes(files.getFirst())).isEqualTo(Files.readAllBytes(ct2019));
            assertThat(client.retrieveInstance(s2019, series, instances.getFirst().sopInstanceUid()))
                    .isEqualTo(Files.readAllBytes(ct2019));
        }
    }

    @Test
    void aSecondCrawlFetchesOnlyNewSeries() throws IOException {
        String studyA = DicomTestFiles.newUid();
        String seriesA = DicomTestFiles.newUid();
        for (int i = 0; i < 3; i++) {
            orthanc.server().upload(DicomTestFiles.ct(tmp.resolve("a" + i + ".dcm"), studyA, seriesA, DicomTestFiles.newUid(),
                    LocalDate.of(2020, 1, 10)));
        }
        // A study with a CT series and an MR series: the MR one is skipped for its modality.
        String studyB = DicomTestFiles.newUid();
        orthanc.server().storescu(
                DicomTestFiles.ct(tmp.resolve("b.dcm"), studyB, DicomTestFiles.newUid(), DicomTestFiles.newUid(), LocalDate.of(2020, 2, 1)),
                DicomTestFiles.mr(tmp.resolve("bm.dcm"), studyB, DicomTestFiles.newUid(), DicomTestFiles.newUid(), LocalDate.of(2020, 2, 1)));
        DicomInstanceStore store = new DicomInstanceStore(tmp.resolve("store"));
        Path stateFile = tmp.resolve("crawl.json");

        CrawlReport first = crawl(store, stateFile);
        assertThat(first.failures()).isEmpty();
        assertThat(first.studiesListed()).isEqualTo(2);
        assertThat(first.seriesFetched()).isEqualTo(2);
        assertThat(first.seriesOtherModality()).isEqualTo(1);
        assertThat(first.instancesStored()).isEqualTo(4);
        assertThat(first.touchedStudies()).containsExactlyInAnyOrder(studyA, studyB);
        assertThat(storedFiles(store)).hasSize(4);
        assertThat(CrawlState.load(stateFile, orthanc.server().dicomWebUri()).watermark()).isEqualTo(LocalDate.of(2020, 2, 1));

        CrawlReport second = crawl(store, stateFile);
        assertThat(second.seriesFetched()).isZero();
        assertThat(second.instancesStored()).isZero();
        // Only the study on the watermark date is listed again, and it is unchanged.
        assertThat(second.studiesListed()).isEqualTo(1);
        assertThat(second.studiesUnchanged()).isEqualTo(1);

        // A new series in a known study, and a new study.
        String newSeries = DicomTestFiles.newUid();
        orthanc.server().upload(DicomTestFiles.ct(tmp.resolve("b2.dcm"), studyB, newSeries, DicomTestFiles.newUid(), LocalDate.of(2020, 2, 1)));
        String studyC = DicomTestFiles.newUid();
        orthanc.server().upload(DicomTestFiles.ct(tmp.resolve("c.dcm"), studyC, DicomTestFiles.newUid(), DicomTestFiles.newUid(), LocalDate.of(2020, 3, 1)));

        CrawlReport third = crawl(store, stateFile);
        assertThat(third.failures()).isEmpty();
        assertThat(third.seriesFetched()).isEqualTo(2);
        assertThat(third.seriesAlreadySeen()).isEqualTo(1);
        assertThat(third.instancesStored()).isEqualTo(2);
        assertThat(third.touchedStudies()).containsExactlyInAnyOrder(studyB, studyC);
        assertThat(storedFiles(store)).hasSize(6);
        assertThat(Files.exists(store.root().resolve(studyB).resolve(newSeries))).isTrue();
    }

    @Test
    void aCrawlThatCannotReachThePacsReportsItAndKeepsItsState() throws IOException {
        orthanc.server().upload(DicomTestFiles.ct(tmp.resolve("a.dcm"), DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                DicomTestFiles.newUid(), LocalDate.of(2020, 1, 10)));
        DicomInstanceStore store = new DicomInstanceStore(tmp.resolve("store"));
        Path stateFile = tmp.resolve("crawl.json");
        crawl(store, stateFile);
        String before = Files.readString(stateFile);

        DicomWebConfig gone = DicomWebConfig.of(orthanc.server().dicomWebUri().resolve("/no-such-root"))
                .withRetry(RetryPolicy.none());
        try (DicomWebClient client = new DicomWebClient(gone)) {
            CrawlState state = CrawlState.load(tmp.resolve("other.json"), gone.baseUri());
            CrawlReport report = new DicomWebCrawler(client, store, state)
                    .crawl(DicomWebCrawler.Options.ctWithMeasurements(), DicomWebCrawler.Listener.NONE);
            assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("HTTP 404"));
        }
        assertThat(Files.readString(stateFile)).isEqualTo(before);
    }

    private CrawlReport crawl(DicomInstanceStore store, Path stateFile) {
        try (DicomWebClient client = client()) {
            CrawlState state = CrawlState.load(stateFile, client.config().baseUri());
            return new DicomWebCrawler(client, store, state)
                    .crawl(DicomWebCrawler.Options.ctWithMeasurements(), DicomWebCrawler.Listener.NONE);
        }
    }

    private static List<Path> storedFiles(DicomInstanceStore store) throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(p -> p.toString().endsWith(".dcm")).toList();
        }
    }
}
