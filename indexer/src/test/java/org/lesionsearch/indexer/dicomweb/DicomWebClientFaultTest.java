package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny PACS on 127.0.0.1 that answers 500, stalls or talks nonsense, one scripted answer per request. */
class DicomWebClientFaultTest {

    private static final String STUDY = "1.2.840.1";
    private static final String SERIES = "1.2.840.1.2";

    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService handlers;
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    @FunctionalInterface
    interface Answer {
        void answer(HttpExchange exchange) throws Exception;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            requests.add(exchange.getRequestURI().toString());
            Answer next = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            try {
                next.answer(exchange);
            } catch (Exception e) {
                // a stalled answer ends when the client hangs up
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow(); // wakes the handlers that stall on purpose
    }

    /** A client with time-outs long enough that a busy test machine never trips them. */
    private DicomWebClient client(int attempts) {
        return client(attempts, Duration.ofSeconds(20));
    }

    /** A client that gives up after half a second of silence, for the PACSs that stall. */
    private DicomWebClient impatientClient(int attempts) {
        return client(attempts, Duration.ofMillis(500));
    }

    private DicomWebClient client(int attempts, Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web/");
        return new DicomWebClient(DicomWebConfig.of(base)
                .withTimeouts(Duration.ofSeconds(5), timeout, timeout)
                .withRetry(new RetryPolicy(attempts, Duration.ofMillis(20), 2.0, Duration.ofMillis(100))));
    }

    @Test
    void retriesA500AndSucceedsWhenThePacsRecovers() {
        script.add(status(500, "database locked"));
        script.add(status(503, "busy"));
        script.add(json("[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"" + STUDY + "\"]},"
                + "\"00080020\":{\"vr\":\"DA\",\"Value\":[\"20200102\"]},\"00201206\":{\"vr\":\"IS\",\"Value\":[\"2\"]}}]"));
        try (DicomWebClient client = client(4)) {
            List<StudyRef> studies = client.searchStudies(StudyQuery.ct());
            assertThat(studies).containsExactly(new StudyRef(STUDY, java.time.LocalDate.of(2020, 1, 2), List.of(), 2));
        }
        assertThat(calls).hasValue(3);
        assertThat(requests.getFirst()).startsWith("/dicom-web/studies?ModalitiesInStudy=CT&includefield=00201206&limit=500&offset=0");
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheUrlAndTheStatus() {
        script.add(status(500, "Internal Server Error: disk on fire"));
        try (DicomWebClient client = client(3)) {
            assertThatThrownBy(() -> client.searchSeries(STUDY))
                    .isInstanceOf(DicomWebException.class)
                    .hasMessageContaining("/dicom-web/studies/" + STUDY + "/series")
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("HTTP 500: Internal Server Error: disk on fire")
                    .satisfies(e -> assertThat(((DicomWebException) e).status()).isEqualTo(500));
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void aClientErrorIsNotRetried() {
        script.add(status(404, "no such study"));
        try (DicomWebClient client = client(4)) {
            assertThatThrownBy(() -> client.searchSeries(STUDY)).hasMessageContaining("HTTP 404");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aPacsThatDoesNotAnswerTimesOutAndIsRetried() {
        script.add(exchange -> Thread.sleep(8_000));
        try (DicomWebClient client = impatientClient(2)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.searchStudies(StudyQuery.ct()))
                    .isInstanceOf(DicomWebException.class)
                    .hasMessageContaining("after 2 attempts")
                    .hasMessageContaining("no answer within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void aPacsThatStallsInTheMiddleOfASeriesTimesOutAndLeavesNoPartialFiles() throws IOException {
        byte[] ct = Files.readAllBytes(DicomTestFiles.ctSmall());
        script.add(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=b");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(("--b\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(ct);
            out.write("\r\n--b\r\nContent-Type: application/dicom\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(ct, 0, 1000);
            out.flush();
            Thread.sleep(8_000);
        });
        Path dir = tmp.resolve("series");
        try (DicomWebClient client = impatientClient(2)) {
            assertThatThrownBy(() -> client.retrieveSeries(STUDY, SERIES, dir))
                    .isInstanceOf(DicomWebException.class)
                    .hasMessageContaining("no data for 500 ms");
        }
        assertThat(calls).hasValue(2);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void honoursRetryAfterWithinTheCap() {
        script.add(exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "3600");
            send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.US_ASCII));
        });
        script.add(json("[]"));
        try (DicomWebClient client = client(2)) {
            long start = System.nanoTime();
            assertThat(client.searchStudies(StudyQuery.ct())).isEmpty();
            // Capped at the policy's 100 ms, not an hour.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void anUnreachablePacsFailsWithTheConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DicomWebConfig config = DicomWebConfig.of(URI.create("http://127.0.0.1:" + closedPort + "/dicom-web"))
                .withRetry(new RetryPolicy(2, Duration.ofMillis(10), 2.0, Duration.ofMillis(10)));
        try (DicomWebClient client = new DicomWebClient(config)) {
            assertThatThrownBy(() -> client.searchStudies(StudyQuery.ct()))
                    .isInstanceOf(DicomWebException.class)
                    .hasMessageContaining("after 2 attempts")
                    .hasMessageContaining("ConnectException")
                    .satisfies(e -> assertThat(((DicomWebException) e).status()).isZero());
        }
    }

    @Test
    void nonsenseAnswersFailClearlyWithoutRetry() {
        script.add(json("{\"not\": \"an array\"}"));
        try (DicomWebClient client = client(3)) {
            assertThatThrownBy(() -> client.searchStudies(StudyQuery.ct())).hasMessageContaining("not an array");
        }
        script.clear();
        script.add(json("[{\"0020000D\": "));
        try (DicomWebClient client = client(3)) {
            assertThatThrownBy(() -> client.searchStudies(StudyQuery.ct())).hasMessageContaining("is not valid JSON");
        }
        script.clear();
        script.add(json("[{\"00080020\":{\"vr\":\"DA\",\"Value\":[\"20200102\"]}}]"));
        try (DicomWebClient client = client(3)) {
            assertThatThrownBy(() -> client.searchStudies(StudyQuery.ct())).hasMessageContaining("without Study Instance UID");
        }
        script.clear();
        script.add(exchange -> send(exchange, 200, "multipart/related; type=\"application/dicom\"; boundary=b",
                "--b\r\n\r\nhalf a part".getBytes(StandardCharsets.US_ASCII)));
        try (DicomWebClient client = client(3)) {
            assertThatThrownBy(() -> client.retrieveSeries(STUDY, SERIES, tmp.resolve("s")))
                    .hasMessageContaining("without a closing boundary");
        }
        assertThat(calls).hasValue(4);
    }

    @Test
    void pagesThroughQidoResultsWithLimitAndOffset() {
        List<String> uids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            uids.add("1.2.3." + i);
        }
        script.add(exchange -> {
            String q = exchange.getRequestURI().getQuery();
            int limit = Integer.parseInt(q.replaceAll(".*limit=(\\d+).*", "$1"));
            int offset = Integer.parseInt(q.replaceAll(".*offset=(\\d+).*", "$1"));
            StringBuilder sb = new StringBuilder("[");
            for (int i = offset; i < Math.min(uids.size(), offset + limit); i++) {
                sb.append(i > offset ? "," : "").append("{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"").append(uids.get(i)).append("\"]}}");
            }
            send(exchange, 200, "application/dicom+json", sb.append("]").toString().getBytes(StandardCharsets.UTF_8));
        });
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
        try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(base).withPageSize(3))) {
            assertThat(client.searchStudies(new StudyQuery(null, null, java.util.Set.of())))
                    .extracting(StudyRef::studyUid).containsExactlyElementsOf(uids);
        }
        assertThat(requests).hasSize(3);
    }

    @Test
    void aPacsThatIgnoresOffsetDoesNotLoopForever() {
        script.add(json("[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}},{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.4\"]}}]"));
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
        try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(base).withPageSize(2))) {
            assertThat(client.searchStudies(StudyQuery.ct())).extracting(StudyRef::studyUid).containsExactly("1.2.3", "1.2.4");
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsResentAtOnceWithoutSpendingAnAttempt() throws Exception {
        // A raw socket server: the first connection is closed unanswered, as a server closes an idle kept-alive one.
        try (ServerSocket raw = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!raw.isClosed()) {
                    try (var socket = raw.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                        String line;
                        while ((line = in.readLine()) != null && !line.isEmpty()) {
                            // the request head
                        }
                        if (connections.incrementAndGet() > 1) {
                            socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/dicom+json\r\n"
                                    + "Content-Length: 2\r\nConnection: close\r\n\r\n[]").getBytes(StandardCharsets.US_ASCII));
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            URI base = URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/dicom-web");
            try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(base).withRetry(RetryPolicy.none()))) {
                long start = System.nanoTime();
                assertThat(client.searchStudies(StudyQuery.ct())).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(connections).hasValue(2);
            raw.close();
            acceptor.join(5_000);
        }
    }

    @Test
    void anInstanceOverTheSizeLimitFailsWithoutRetry() throws IOException {
        byte[] ct = Files.readAllBytes(DicomTestFiles.ctSmall());
        MultipartBody body = MultipartBody.dicom().add(ct);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        body.writeTo(bytes);
        script.add(exchange -> send(exchange, 200, body.contentType().format(), bytes.toByteArray()));
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dicom-web");
        try (DicomWebClient client = new DicomWebClient(DicomWebConfig.of(base).withMaxInstanceBytes(10_000))) {
            assertThatThrownBy(() -> client.retrieveSeries(STUDY, SERIES, tmp.resolve("s")))
                    .isInstanceOf(DicomWebException.class).hasMessageContaining("part 1 is larger than 10000 bytes");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void refusesUidsThatAreNotUids() {
        try (DicomWebClient client = client(1)) {
            assertThatThrownBy(() -> client.searchSeries("../../admin")).hasMessageContaining("is not a DICOM UID");
        }
        assertThat(calls).hasValue(0);
    }

    private static Answer status(int code, String body) {
        return exchange -> send(exchange, code, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer json(String body) {
        return exchange -> send(exchange, 200, "application/dicom+json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getRequestBody().transferTo(new ByteArrayOutputStream());
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }
}
