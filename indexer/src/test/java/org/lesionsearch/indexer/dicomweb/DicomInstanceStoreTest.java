package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomInstanceStoreTest {

    @TempDir
    Path tmp;

    @Test
    void storesARealCtSliceUnderItsUidsAndLeavesNoStagingFile() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp.resolve("inbox"));
        Path staged = stage(store, Files.readAllBytes(DicomTestFiles.ct512()));

        DicomInstanceStore.Outcome outcome = store.accept(staged, null);

        assertThat(outcome).isInstanceOf(DicomInstanceStore.Outcome.Stored.class);
        DicomInstanceStore.Outcome.Stored stored = (DicomInstanceStore.Outcome.Stored) outcome;
        assertThat(stored.header().modality()).isEqualTo("CT");
        assertThat(stored.header().hasPixelData()).isTrue();
        assertThat(stored.path()).isEqualTo(store.pathOf(stored.header().studyUid(), stored.header().seriesUid(),
                stored.header().sopInstanceUid()));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(Files.readAllBytes(DicomTestFiles.ct512()));
        assertThat(stagingFiles(store)).isEmpty();
    }

    @Test
    void theSameInstanceTwiceReplacesTheFirstCopy() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp);
        byte[] ct = Files.readAllBytes(DicomTestFiles.ctSmall());
        Path first = ((DicomInstanceStore.Outcome.Stored) store.accept(stage(store, ct), null)).path();
        Path second = ((DicomInstanceStore.Outcome.Stored) store.accept(stage(store, ct), null)).path();
        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(store.root())) {
            assertThat(files.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(1);
        }
    }

    @Test
    void refusesWhatIsNotDicom() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp);
        DicomInstanceStore.Outcome.Refused r = refused(store.accept(stage(store, "hello, not DICOM".getBytes()), null));
        assertThat(r.failureReason()).isEqualTo(StowResponse.CANNOT_UNDERSTAND);
        assertThat(r.reason()).contains("not a DICOM file");
        assertThat(r.header()).isNull();
        assertThat(stagingFiles(store)).isEmpty();
    }

    @Test
    void refusesATruncatedRealFile() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp);
        byte[] ct = Files.readAllBytes(DicomTestFiles.ct512());
        DicomInstanceStore.Outcome.Refused r = refused(store.accept(stage(store, Arrays.copyOf(ct, ct.length / 2)), null));
        assertThat(r.failureReason()).as(r.reason()).isEqualTo(StowResponse.CANNOT_UNDERSTAND);
        assertThat(r.reason()).contains("truncated DICOM file");
    }

    @Test
    void refusesACtImageWithoutPixelData() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp);
        Path noPixels = DicomTestFiles.derive(DicomTestFiles.ctSmall(), tmp.resolve("nopixels.dcm"),
                list -> list.remove(TagFromName.PixelData));
        DicomInstanceStore.Outcome.Refused r = refused(store.accept(stage(store, Files.readAllBytes(noPixels)), null));
        assertThat(r.failureReason()).isEqualTo(StowResponse.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(r.reason()).contains("without Pixel Data");
        assertThat(r.header().sopInstanceUid()).isNotEmpty();
    }

    @Test
    void refusesAnMrImage() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp);
        Path mr = DicomTestFiles.mr(tmp.resolve("mr.dcm"), DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                DicomTestFiles.newUid(), LocalDate.of(2020, 1, 1));
        DicomInstanceStore.Outcome.Refused r = refused(store.accept(stage(store, Files.readAllBytes(mr)), null));
        assertThat(r.failureReason()).isEqualTo(StowResponse.SOP_CLASS_NOT_SUPPORTED);
        assertThat(r.reason()).contains(DicomTestFiles.MR_IMAGE_STORAGE);
    }

    @Test
    void refusesAUidThatWouldEscapeTheFolder() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp.resolve("inbox"));
        Path evil = DicomTestFiles.derive(DicomTestFiles.ctSmall(), tmp.resolve("evil.dcm"),
                list -> DicomTestFiles.put(list, TagFromName.SeriesInstanceUID, "../../../etc"));
        DicomInstanceStore.Outcome.Refused r = refused(store.accept(stage(store, Files.readAllBytes(evil)), null));
        assertThat(r.reason()).contains("Series Instance UID");
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(p -> p.toString().endsWith(".dcm") && !p.equals(evil))).isEmpty();
        }
    }

    @Test
    void refusesAnInstanceOfAnotherStudyThanRequired() throws IOException {
        DicomInstanceStore store = new DicomInstanceStore(tmp);
        DicomInstanceStore.Outcome.Refused r = refused(store.accept(
                stage(store, Files.readAllBytes(DicomTestFiles.ctSmall())), "1.2.3.4"));
        assertThat(r.reason()).contains("differs from the request's study");
    }

    private static DicomInstanceStore.Outcome.Refused refused(DicomInstanceStore.Outcome o) {
        assertThat(o).isInstanceOf(DicomInstanceStore.Outcome.Refused.class);
        return (DicomInstanceStore.Outcome.Refused) o;
    }

    private static Path stage(DicomInstanceStore store, byte[] content) throws IOException {
        Path p = store.newStagingFile();
        Files.write(p, content);
        return p;
    }

    private static java.util.List<Path> stagingFiles(DicomInstanceStore store) throws IOException {
        try (Stream<Path> files = Files.list(store.root().resolve(DicomInstanceStore.STAGING))) {
            return files.toList();
        }
    }
}
