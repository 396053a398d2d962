package org.lesionsearch.server.api.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.indexer.dicomweb.DicomTestFiles;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;

/**
 * Uploads built to exhaust memory, against a real server: PNG decompression bombs (16-bit and
 * 8-bit, a few hundred bytes declaring gigapixels), a DICOM declaring 65535 x 65535 pixels and a
 * body over the limit. Each is refused with a 4xx naming the problem, in bounded memory.
 */
class HostileUploadTest {

    @TempDir
    static Path dir;
    private static LuceneLesionIndex index;
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        index = LuceneLesionIndex.open(dir.resolve("index"), LuceneIndexOptions.defaults());
        server = ApiServer.create(ApiContext.of(ServerConfig.defaults().withPort(0).withMaxBodyBytes(4 << 20), index)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
    }

    @Test
    void decompressionBombsAreRefusedFromTheirHeader() throws Exception {
        for (int[] spec : new int[][] {{16, 0, 60000}, {8, 0, 60000}, {8, 2, 30000}, {16, 0, 5000}}) {
            byte[] bomb = png(spec[2], spec[2], spec[0], spec[1]);
            assertThat(bomb.length).isLessThan(20_000);
            long before = usedMemory();
            HttpResponse<String> answer = preview(bomb, "bomb.png");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
            assertThat(answer.body()).contains("bomb.png").contains(spec[2] + "x" + spec[2]);
            assertThat(usedMemory() - before).isLessThan(256L << 20);
        }
    }

    @Test
    void aDicomDeclaringAbsurdDimensionsIsRefused() throws Exception {
        Path absurd = DicomTestFiles.derive(DicomTestFiles.ctSmall(), dir.resolve("absurd.dcm"), list -> {
            try {
                com.pixelmed.dicom.UnsignedShortAttribute rows = new com.pixelmed.dicom.UnsignedShortAttribute(
                        com.pixelmed.dicom.TagFromName.Rows);
                rows.addValue(65535);
                list.put(rows);
                com.pixelmed.dicom.UnsignedShortAttribute columns = new com.pixelmed.dicom.UnsignedShortAttribute(
                        com.pixelmed.dicom.TagFromName.Columns);
                columns.addValue(65535);
                list.put(columns);
            } catch (com.pixelmed.dicom.DicomException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> answer = preview(Files.readAllBytes(absurd), "absurd.dcm");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("absurd.dcm").contains("65535");
    }

    @Test
    void anUploadOverTheBodyLimitIsRefused() throws Exception {
        byte[] big = new byte[5 << 20];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 0, big, 0, 4);
        HttpResponse<String> answer = preview(big, "big.png");
        assertThat(answer.statusCode()).isEqualTo(413);
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> preview(byte[] file, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/example-search/preview?name=" + name))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long usedMemory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A PNG whose header declares {@code width x height} and whose data is a little deflated zero. */
    private static byte[] png(int width, int height, int bitDepth, int colourType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buf = new byte[1 << 16];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
