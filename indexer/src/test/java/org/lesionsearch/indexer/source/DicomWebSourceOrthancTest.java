package org.lesionsearch.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.dicom.Tid1500Fixture;
import org.lesionsearch.indexer.dicomweb.DicomTestFiles;
import org.lesionsearch.indexer.dicomweb.DicomWebSettings;
import org.lesionsearch.indexer.dicomweb.OrthancExtension;
import org.lesionsearch.indexer.patch.HuSlice;

/**
 * {@code dicomweb:URL} end to end: a real CT slice and an SR measurement report on it, stored in
 * a real Orthanc, crawled over DICOMweb and read into a lesion candidate whose key slice decodes
 * to the real pixels; a rerun fetches nothing and still finds the lesion.
 */
class DicomWebSourceOrthancTest {

    @RegisterExtension
    static final OrthancExtension orthanc = new OrthancExtension();

    @TempDir
    Path tmp;

    @Test
    void aMeasuredCtSliceInThePacsBecomesALesionCandidateAndARerunFetchesNothing() throws Exception {
        String study = DicomTestFiles.newUid();
        String ctSeries = DicomTestFiles.newUid();
        String ctSop = DicomTestFiles.newUid();
        orthanc.server().upload(DicomTestFiles.ct(tmp.resolve("ct.dcm"), study, ctSeries, ctSop, LocalDate.of(2021, 9, 14)));
        Path sr = new Tid1500Fixture()
                .group(Tid1500Fixture.Num.longAxis(21.5, ctSop, 40.5f, 60.5f, 70.5f, 60.5f),
                        Tid1500Fixture.Num.shortAxis(12.0, ctSop, 55.5f, 52.5f, 55.5f, 68.5f))
                .write(tmp.resolve("sr.dcm"), study, DicomTestFiles.newUid(), DicomTestFiles.newUid());
        orthanc.server().upload(sr);
        DicomWebSource source = new DicomWebSource(
                DicomWebSettings.forSource("dicomweb:" + orthanc.server().dicomWebUri(), tmp.resolve("index")));

        SourceScan scan = source.scan();

        assertThat(source.lastCrawl().seriesFetched()).isEqualTo(2);
        assertThat(scan.rejections()).isEmpty();
        assertThat(scan.series()).singleElement().satisfies(work -> {
            assertThat(work.lesions()).singleElement().satisfies(c -> {
                assertThat(c.id()).contains(ctSop);
                assertThat(c.lesion().studyId()).isEqualTo(study);
                assertThat(c.lesion().seriesId()).isEqualTo(ctSeries);
                assertThat(c.lesion().studyDate()).isEqualTo(LocalDate.of(2021, 9, 14));
                assertThat(c.lesion().recist().longAxisMm()).isEqualTo(21.5);
                assertThat(c.lesion().recist().shortAxisMm()).isEqualTo(12.0);
            });
            HuSlice slice = load(work, work.lesions().getFirst().keySlice());
            assertThat(slice.width()).isEqualTo(128);
            assertThat(slice.height()).isEqualTo(128);
        });

        SourceScan again = source.scan();
        assertThat(source.lastCrawl().seriesFetched()).isZero();
        assertThat(again.lesionCount()).isEqualTo(1);
    }

    private static HuSlice load(SeriesWork work, String key) {
        try {
            return work.loader().load(key);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
