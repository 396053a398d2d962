package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StowReceiverTest {

    @TempDir
    Path tmp;

    @Test
    void storesGoodInstancesAndListsEachBadOneWithItsReason() throws IOException {
        DicomInstanceStore inbox = new DicomInstanceStore(tmp.resolve("inbox"));
        StowReceiver receiver = new StowReceiver(inbox, 10_000_000);
        String study = DicomTestFiles.newUid();
        Path good = DicomTestFiles.ct(tmp.resolve("good.dcm"), study, DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                LocalDate.of(2021, 1, 1));
        Path mr = DicomTestFiles.mr(tmp.resolve("mr.dcm"), study, DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                LocalDate.of(2021, 1, 1));
        byte[] ct512 = Files.readAllBytes(DicomTestFiles.ct512());
        MultipartBody body = MultipartBody.dicom()
                .add(good)
                .add("garbage".getBytes(StandardCharsets.US_ASCII))
                .add(mr)
                .add(Arrays.copyOf(ct512, 100_000))
                .add(Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.US_ASCII))
                .add(ct512);

        StowResponse answer = receive(receiver, body, null);

        assertThat(answer.httpStatus()).isEqualTo(202);
        assertThat(answer.stored()).extracting(StowResponse.Stored::sopClassUid).containsOnly(DicomTestFiles.CT_IMAGE_STORAGE);
        assertThat(answer.stored()).hasSize(2);
        assertThat(answer.failed()).extracting(StowResponse.Failed::part).containsExactly(2, 3, 4, 5);
        assertThat(answer.failed()).extracting(StowResponse.Failed::failureReason).containsExactly(
                StowResponse.CANNOT_UNDERSTAND, StowResponse.SOP_CLASS_NOT_SUPPORTED, StowResponse.CANNOT_UNDERSTAND,
                StowResponse.CANNOT_UNDERSTAND);
        assertThat(answer.failed().get(0).comment()).isEqualTo("part 2: not a DICOM file (no DICM prefix)");
        assertThat(answer.failed().get(1).sopInstanceUid()).isNotNull();
        assertThat(answer.failed().get(2).comment()).contains("truncated");
        assertThat(answer.failed().get(3).comment()).isEqualTo("part 5 is application/json, not application/dicom");
        assertThat(dcmFiles(inbox)).hasSize(2);
        assertThat(stagingFiles(inbox)).isEmpty();

        // The answer survives the DICOM JSON round trip that a client makes.
        StowResponse parsed = StowResponse.fromDicomJson(answer.toDicomJson());
        assertThat(parsed.stored()).isEqualTo(answer.stored());
        assertThat(parsed.failed()).extracting(StowResponse.Failed::failureReason)
                .containsExactlyElementsOf(answer.failed().stream().map(StowResponse.Failed::failureReason).toList());
    }

    @Test
    void allRefusedAnswers409() throws IOException {
        StowReceiver receiver = new StowReceiver(new DicomInstanceStore(tmp), 10_000_000);
        StowResponse answer = receive(receiver, MultipartBody.dicom().add("nope".getBytes(StandardCharsets.US_ASCII)), null);
        assertThat(answer.httpStatus()).isEqualTo(409);
        assertThat(answer.toDicomJson().has(StowResponse.REFERENCED_SOP_SEQUENCE)).isFalse();
        assertThat(answer.toDicomJson().at("/00081198/Value/0/00081197/Value/0").asInt()).isEqualTo(0xC000);
    }

    @Test
    void postToAStudyRefusesInstancesOfAnotherStudy() throws IOException {
        StowReceiver receiver = new StowReceiver(new DicomInstanceStore(tmp.resolve("inbox")), 10_000_000);
        String study = DicomTestFiles.newUid();
        Path mine = DicomTestFiles.ct(tmp.resolve("a.dcm"), study, DicomTestFiles.newUid(), DicomTestFiles.newUid(), LocalDate.of(2021, 1, 1));
        StowResponse answer = receive(receiver, MultipartBody.dicom().add(mine).add(DicomTestFiles.ctSmall()), study);
        assertThat(answer.stored()).hasSize(1);
        assertThat(answer.failed()).singleElement().satisfies(f -> {
            assertThat(f.failureReason()).isEqualTo(StowResponse.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
            assertThat(f.comment()).contains("differs from the request's study");
        });
        assertThatThrownBy(() -> receive(receiver, MultipartBody.dicom().add(mine), "../x"))
                .isInstanceOf(StowReceiver.StowRequestException.class).hasMessageContaining("not a DICOM UID");
    }

    @Test
    void aBodyOverTheLimitStoresNothingWhateverItsContentLengthSays() throws IOException {
        DicomInstanceStore inbox = new DicomInstanceStore(tmp);
        StowReceiver receiver = new StowReceiver(inbox, 100_000);
        MultipartBody body = MultipartBody.dicom().add(DicomTestFiles.ctSmall()).add(DicomTestFiles.ct512());
        byte[] bytes = bytes(body);
        assertThatThrownBy(() -> receiver.receive(new ByteArrayInputStream(bytes), body.contentType().format(), bytes.length, null))
                .isInstanceOf(StowReceiver.StowRequestException.class)
                .hasMessageContaining("larger than the server's limit of 100000 bytes")
                .satisfies(e -> assertThat(((StowReceiver.StowRequestException) e).status()).isEqualTo(413));
        // Chunked: no length announced, the count stops it.
        assertThatThrownBy(() -> receiver.receive(new ByteArrayInputStream(bytes), body.contentType().format(), -1, null))
                .satisfies(e -> assertThat(((StowReceiver.StowRequestException) e).status()).isEqualTo(413));
        assertThat(dcmFiles(inbox)).isEmpty();
        assertThat(stagingFiles(inbox)).isEmpty();
    }

    @Test
    void aBodyThatBreaksOffStoresNothing() throws IOException {
        DicomInstanceStore inbox = new DicomInstanceStore(tmp);
        StowReceiver receiver = new StowReceiver(inbox, 10_000_000);
        MultipartBody body = MultipartBody.dicom().add(DicomTestFiles.ctSmall()).add(DicomTestFiles.ct512());
        byte[] bytes = bytes(body);
        InputStream cut = new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 5000));
        assertThatThrownBy(() -> receiver.receive(cut, body.contentType().format(), -1, null))
                .isInstanceOf(StowReceiver.StowRequestException.class)
                .hasMessageContaining("malformed multipart body")
                .hasMessageContaining("part 2");
        assertThat(dcmFiles(inbox)).isEmpty();
        assertThat(stagingFiles(inbox)).isEmpty();
    }

    @Test
    void refusesOtherMediaTypes() throws IOException {
        StowReceiver receiver = new StowReceiver(new DicomInstanceStore(tmp), 10_000);
        InputStream empty = new ByteArrayInputStream(new byte[0]);
        for (String type : List.of("application/json", "multipart/related; type=\"application/dicom+json\"; boundary=x",
                "application/dicom", "not a type")) {
            assertThatThrownBy(() -> receiver.receive(empty, type, 0, null))
                    .as(type).isInstanceOf(StowReceiver.StowRequestException.class)
                    .satisfies(e -> assertThat(((StowReceiver.StowRequestException) e).status()).isEqualTo(415));
        }
        assertThatThrownBy(() -> receiver.receive(empty, "multipart/related; type=\"application/dicom\"", 0, null))
                .hasMessageContaining("no boundary");
        assertThatThrownBy(() -> receiver.receive(new ByteArrayInputStream("--x--".getBytes(StandardCharsets.US_ASCII)),
                "multipart/related; type=\"application/dicom\"; boundary=x", 5, null))
                .hasMessageContaining("no DICOM instance");
    }

    private static StowResponse receive(StowReceiver receiver, MultipartBody body, String study) throws IOException {
        byte[] bytes = bytes(body);
        return receiver.receive(new ByteArrayInputStream(bytes), body.contentType().format(), bytes.length, study);
    }

    private static byte[] bytes(MultipartBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private static List<Path> dcmFiles(DicomInstanceStore store) throws IOException {
        try (Stream<Path> files = Files.walk(store.root())) {
            return files.filter(p -> p.toString().endsWith(".dcm")).toList();
        }
    }

    private static List<Path> stagingFiles(DicomInstanceStore store) throws IOException {
        try (Stream<Path> files = Files.list(store.root().resolve(DicomInstanceStore.STAGING))) {
            return files.toList();
        }
    }
}
