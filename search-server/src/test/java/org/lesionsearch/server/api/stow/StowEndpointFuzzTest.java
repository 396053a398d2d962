package org.lesionsearch.server.api.stow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.indexer.dicomweb.DicomTestFiles;
import org.lesionsearch.indexer.dicomweb.MultipartBody;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;

/**
 * Hostile STOW-RS requests against a real server: a real multipart body with bytes changed and cut
 * at random, an oversized declared length and a body that never ends. Every one gets a 2xx, 4xx
 * or 409 answer, never a 5xx, and the server keeps answering.
 */
class StowEndpointFuzzTest {

    private static final long MAX_STOW_BYTES = 2_000_000;
    private static Path dir;
    private static LuceneLesionIndex index;
    private static ApiServer server;
    private static byte[] body;
    private static String contentType;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("stow-endpoint-fuzz");
        index = LuceneLesionIndex.open(dir.resolve("index"), LuceneIndexOptions.defaults());
        ServerConfig config = ServerConfig.defaults().withPort(0).withDicomInbox(dir.resolve("inbox")).withMaxStowBytes(MAX_STOW_BYTES);
        server = ApiServer.create(ApiContext.of(config, index)).start();
        MultipartBody multipart = MultipartBody.dicom().add(DicomTestFiles.ctSmall()).add(DicomTestFiles.ctSmall());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        multipart.writeTo(out);
        body = out.toByteArray();
        contentType = multipart.contentType().format();
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        index.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 150)
    void damagedPushesNeverGetA5xx(@ForAll("damage") List<int[]> changes, @ForAll boolean truncate,
            @ForAll("fraction") double keep, @ForAll boolean damageContentType) throws Exception {
        byte[] damaged = body.clone();
        for (int[] c : changes) {
            damaged[Math.floorMod(c[0], damaged.length)] = (byte) c[1];
        }
        if (truncate) {
            damaged = Arrays.copyOf(damaged, (int) (damaged.length * keep));
        }
        String type = damageContentType ? contentType.replace("boundary=", "boundary=x") : contentType;
        int status = post(HttpRequest.BodyPublishers.ofByteArray(damaged), type);
        assertThat(status).isIn(200, 202, 400, 409, 413, 415);
    }

    @Example
    void anOversizedOrEndlessPushIsRefusedWith413AndTheServerGoesOn() throws Exception {
        byte[] big = new byte[(int) MAX_STOW_BYTES + 10];
        assertThat(post(HttpRequest.BodyPublishers.ofByteArray(big), contentType)).isEqualTo(413);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'A');
                return len;
            }
        };
        String head = "--" + contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1") + "\r\nContent-Type: application/dicom\r\n\r\n";
        InputStream request = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head.getBytes()), endless);
        int status;
        try {
            status = post(HttpRequest.BodyPublishers.ofInputStream(() -> request), contentType);
        } catch (IOException resetWhileSending) {
            // the server answered 413 and closed the connection while the client was still sending
            status = 413;
        }
        assertThat(status).isEqualTo(413);
        assertThat(post(HttpRequest.BodyPublishers.ofByteArray(body), contentType)).isEqualTo(200);
    }

    private static int post(HttpRequest.BodyPublisher publisher, String type) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/dicomweb/studies"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", type).POST(publisher).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }
}
