package org.lesionsearch.server.api.stow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.dicomweb.DicomTestFiles;
import org.lesionsearch.indexer.dicomweb.DicomWebClient;
import org.lesionsearch.indexer.dicomweb.DicomWebConfig;
import org.lesionsearch.indexer.dicomweb.DicomWebException;
import org.lesionsearch.indexer.dicomweb.MultipartBody;
import org.lesionsearch.indexer.dicomweb.OrthancServer;
import org.lesionsearch.indexer.dicomweb.RetryPolicy;
import org.lesionsearch.indexer.dicomweb.StowResponse;
import org.lesionsearch.server.api.ApiHarness;
import org.lesionsearch.server.api.ServerConfig;

/** STOW-RS over real HTTP: the server on a random loopback port, a real Lucene index, the inbox in a temp folder. */
class StowApiTest {

    @TempDir
    Path tmp;

    private ApiHarness api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        http.close();
    }

    private Path inbox() {
        return tmp.resolve("inbox");
    }

    private ApiHarness start(ServerConfig config) {
        api = ApiHarness.start(tmp.resolve("index"), config.withPort(0));
        return api;
    }

    private URI dicomWebRoot() {
        return URI.create(api.server().baseUri() + StowController.ROOT);
    }

    @Test
    void storesPushedInstancesInTheInboxAndListsTheRefusedOnes() throws Exception {
        start(ServerConfig.defaults().withDicomInbox(inbox()));
        String study = DicomTestFiles.newUid();
        String series = DicomTestFiles.newUid();
        String sop1 = DicomTestFiles.newUid();
        String sop2 = DicomTestFiles.newUid();
        MultipartBody body = MultipartBody.dicom()
                .add(DicomTestFiles.ct(tmp.resolve("1.dcm"), study, series, sop1, LocalDate.of(2022, 4, 1)))
                .add(DicomTestFiles.ct(tmp.resolve("2.dcm"), study, series, sop2, LocalDate.of(2022, 4, 1)))
                .add("not DICOM".getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> r = post("/studies", body.contentType().format(), bytes(body));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/dicom+json"));
        JsonNode answer = json.readTree(r.body());
        assertThat(answer.at("/00081199/vr").asText()).isEqualTo("SQ");
        assertThat(answer.at("/00081199/Value")).hasSize(2);
        assertThat(answer.at("/00081199/Value/0/00081155/Value/0").asText()).isEqualTo(sop1);
        assertThat(answer.at("/00081199/Value/0/00081150/Value/0").asText()).isEqualTo(DicomTestFiles.CT_IMAGE_STORAGE);
        assertThat(answer.at("/00081198/Value")).hasSize(1);
        assertThat(answer.at("/00081198/Value/0/00081197/Value/0").asInt()).isEqualTo(0xC000);
        assertThat(answer.at("/00081198/Value/0/00000902/Value/0").asText()).contains("part 3").contains("not a DICOM file");
        assertThat(inbox().resolve(study).resolve(series).resolve(sop1 + ".dcm")).exists();
        assertThat(inbox().resolve(study).resolve(series).resolve(sop2 + ".dcm")).exists();
    }

    @Test
    void theDicomWebClientStoresThroughTheEndpointAndPostToAStudyChecksTheStudy() throws IOException {
        start(ServerConfig.defaults().withDicomInbox(inbox()));
        String study = DicomTestFiles.newUid();
        Path mine = DicomTestFiles.ct(tmp.resolve("a.dcm"), study, DicomTestFiles.newUid(), DicomTestFiles.newUid(), LocalDate.of(2022, 1, 1));
        try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(dicomWebRoot()))) {
            StowResponse all = client.store(MultipartBody.dicom().add(mine).add(DicomTestFiles.ct512()));
            assertThat(all.stored()).hasSize(2);
            assertThat(all.failed()).isEmpty();
            assertThat(all.httpStatus()).isEqualTo(200);
        }
        HttpResponse<String> r = post("/studies/" + study, multipartType("b"),
                multipart("b", Files.readAllBytes(DicomTestFiles.ctSmall())));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json.readTree(r.body()).at("/00081198/Value/0/00000902/Value/0").asText()).contains("differs from the request's study");

        HttpResponse<String> bad = post("/studies/1.2.abc", multipartType("b"), multipart("b", new byte[0]));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("field").asText()).isEqualTo("study");
    }

    @Test
    void refusesWhatIsNotAStowRequestWithTheApiErrorShape() throws Exception {
        start(ServerConfig.defaults().withDicomInbox(inbox()));
        HttpResponse<String> wrongType = post("/studies", "application/json", "{}".getBytes(StandardCharsets.US_ASCII));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(json.readTree(wrongType.body()).path("message").asText()).contains("multipart/related");
        assertThat(json.readTree(wrongType.body()).path("status").asInt()).isEqualTo(415);

        HttpResponse<String> xml = post("/studies", "multipart/related; type=\"application/dicom+xml\"; boundary=b", new byte[10]);
        assertThat(xml.statusCode()).isEqualTo(415);

        HttpResponse<String> malformed = post("/studies", multipartType("b"), "--b\r\n\r\nno end".getBytes(StandardCharsets.US_ASCII));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).path("message").asText()).contains("malformed multipart body");

        HttpResponse<String> empty = post("/studies", multipartType("b"), "--b--".getBytes(StandardCharsets.US_ASCII));
        assertThat(empty.statusCode()).isEqualTo(400);

        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(dicomWebRoot() + "/studies")).GET());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(dcmFiles()).isEmpty();
    }

    @Test
    void aBodyOverTheStowLimitGets413AndStoresNothingEvenWhenChunked() throws Exception {
        start(ServerConfig.defaults().withDicomInbox(inbox()).withMaxStowBytes(200_000));
        byte[] big = bytes(MultipartBody.dicom().add(DicomTestFiles.ctSmall()).add(DicomTestFiles.ct512()));

        HttpResponse<String> declared = post("/studies", multipartTypeOf(big), big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json.readTree(declared.body()).path("message").asText()).contains("200000 bytes");

        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(dicomWebRoot() + "/studies"))
                .header("Content-Type", multipartTypeOf(big))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(dcmFiles()).isEmpty();

    }

    @Test
    void theStowLimitIsItsOwnNotTheJsonApisLimit() throws Exception {
        start(ServerConfig.defaults().withDicomInbox(inbox()).withMaxBodyBytes(64 * 1024));
        byte[] body = bytes(MultipartBody.dicom().add(DicomTestFiles.ct512()));
        assertThat(body.length).isGreaterThan(500_000);
        HttpResponse<String> r = post("/studies", multipartTypeOf(body), body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(dcmFiles()).hasSize(1);
    }

    @Test
    void withoutAnInboxTheServerSaysItTakesNoPushes() throws Exception {
        start(ServerConfig.defaults());
        HttpResponse<String> r = post("/studies", multipartType("b"), multipart("b", Files.readAllBytes(DicomTestFiles.ctSmall())));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json.readTree(r.body()).path("message").asText()).contains("--dicom-inbox");
        try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(dicomWebRoot()).withRetry(RetryPolicy.none()))) {
            assertThatThrownBy(() -> client.store(MultipartBody.dicom().add(DicomTestFiles.ctSmall())))
                    .isInstanceOf(DicomWebException.class).hasMessageContaining("HTTP 503");
        }
    }

    @Test
    void aRealPacsForwardsAStudyToTheEndpoint() throws Exception {
        OrthancServer.assumeInstalled();
        start(ServerConfig.defaults().withDicomInbox(inbox()));
        try (OrthancServer orthanc = OrthancServer.start(tmp.resolve("orthanc"), Map.of("lesionsearch", dicomWebRoot()))) {
            String study = DicomTestFiles.newUid();
            String series = DicomTestFiles.newUid();
            List<String> sops = List.of(DicomTestFiles.newUid(), DicomTestFiles.newUid(), DicomTestFiles.newUid());
            for (String sop : sops) {
                orthanc.upload(DicomTestFiles.ct(tmp.resolve(sop + ".dcm"), study, series, sop, LocalDate.of(2023, 2, 3)));
            }

            orthanc.stowTo("lesionsearch", study);

            for (String sop : sops) {
                Path stored = inbox().resolve(study).resolve(series).resolve(sop + ".dcm");
                assertThat(stored).exists();
                assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(tmp.resolve(sop + ".dcm")));
            }
        }
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(dicomWebRoot() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String multipartType(String boundary) {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    /** The Content-Type of a body written by {@link #bytes}: its boundary is its first line. */
    private static String multipartTypeOf(byte[] body) {
        String first = new String(Arrays.copyOf(body, 80), StandardCharsets.ISO_8859_1).split("\r\n")[0];
        return multipartType(first.substring(2));
    }

    private static byte[] multipart(String boundary, byte[] part) throws IOException {
        return bytes(new MultipartBody("application/dicom", boundary).add(part));
    }

    private static byte[] bytes(MultipartBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private List<Path> dcmFiles() throws IOException {
        if (!Files.exists(inbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(inbox())) {
            return files.filter(p -> p.toString().endsWith(".dcm")).toList();
        }
    }
}
