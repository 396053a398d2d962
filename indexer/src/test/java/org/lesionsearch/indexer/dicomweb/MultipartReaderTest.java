package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    @Test
    void readsTheRealCtSliceBackFromAMultipartRelatedBody() throws IOException {
        byte[] ct = Files.readAllBytes(DicomTestFiles.ctSmall());
        byte[] ct512 = Files.readAllBytes(DicomTestFiles.ct512());
        MultipartBody body = MultipartBody.dicom().add(ct).add(ct512);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);

        List<byte[]> parts = readAll(new ByteArrayInputStream(out.toByteArray()), body.contentType());

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo(ct);
        assertThat(parts.get(1)).isEqualTo(ct512);
    }

    @Test
    void acceptsTheLongerThanRfcBoundariesOrthancSends() throws IOException {
        // Orthanc 1.10's STOW-RS client joins two UUIDs: 73 characters, over RFC 2046's 70.
        String boundary = "bd3536b7-bc15-49c1-b7af-b95a4c2490cf-bd3536b7-bc15-49c1-b7af-b95a4c2490cf";
        String body = "--" + boundary + "\r\nContent-Type: application/dicom\r\nContent-Length: 2\r\n\r\nok\r\n--" + boundary + "--\r\n";
        ContentType type = ContentType.parse("multipart/related; type=\"application/dicom\"; boundary=" + boundary);
        assertThat(readAll(stream(body), type)).singleElement().isEqualTo("ok".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void skipsPreambleAndEpilogueAndReadsPartHeaders() throws IOException {
        String body = "This is the preamble.\r\n--xyz\r\nContent-Type: application/dicom\r\nContent-Length: 3\r\n\r\nabc"
                + "\r\n--xyz  \r\ncontent-type: text/plain\r\n\r\n\r\n--xyz--\r\nepilogue";
        try (MultipartReader r = new MultipartReader(stream(body), "xyz")) {
            MultipartReader.Part first = r.next().orElseThrow();
            assertThat(first.header("Content-Length")).contains("3");
            assertThat(first.contentType(null).mediaType()).isEqualTo("application/dicom");
            assertThat(first.readAll(100)).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
            MultipartReader.Part second = r.next().orElseThrow();
            assertThat(second.contentType(null).mediaType()).isEqualTo("text/plain");
            assertThat(second.readAll(100)).isEmpty();
            assertThat(r.next()).isEmpty();
            assertThat(r.next()).isEmpty();
        }
    }

    @Test
    void nextSkipsWhatTheCallerDidNotRead() throws IOException {
        String body = "--b\r\n\r\n" + "x".repeat(200_000) + "\r\n--b\r\n\r\nsecond\r\n--b--";
        try (MultipartReader r = new MultipartReader(stream(body), "b")) {
            r.next().orElseThrow().body().read();
            assertThat(new String(r.next().orElseThrow().readAll(100), StandardCharsets.US_ASCII)).isEqualTo("second");
        }
    }

    @Test
    void aBoundaryInsideAPartThatIsNotAtALineStartIsContent() throws IOException {
        String body = "--b\r\n\r\nxx--b\n--b\r\n--b--";
        try (MultipartReader r = new MultipartReader(stream(body), "b")) {
            assertThat(new String(r.next().orElseThrow().readAll(100), StandardCharsets.US_ASCII)).isEqualTo("xx--b\n--b");
        }
    }

    @Test
    void malformedBodiesFailWithAClearMessage() {
        assertThatThrownBy(() -> readAll(stream("no boundary at all"), "b"))
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("no opening boundary");
        assertThatThrownBy(() -> readAll(stream("--b\r\n\r\ncut short"), "b"))
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("without a closing boundary");
        assertThatThrownBy(() -> readAll(stream("--b\r\nContent-Type: a/b\r\n"), "b"))
                .hasMessageContaining("ends inside the headers of part 1");
        assertThatThrownBy(() -> readAll(stream("--b\r\nno colon here\r\n\r\nx\r\n--b--"), "b"))
                .hasMessageContaining("malformed header line");
        assertThatThrownBy(() -> readAll(stream("--bjunk\r\n\r\nx\r\n--b--"), "b"))
                .hasMessageContaining("not followed by a line break");
        assertThatThrownBy(() -> readAll(stream("--b\r\n" + "X: " + "y".repeat(10_000) + "\r\n\r\n\r\n--b--"), "b"))
                .hasMessageContaining("header line longer than");
        assertThatThrownBy(() -> MultipartReader.of(stream(""), ContentType.parse("multipart/related; type=application/dicom")))
                .hasMessageContaining("no boundary parameter");
        assertThatThrownBy(() -> MultipartReader.of(stream(""), ContentType.parse("application/dicom")))
                .hasMessageContaining("is not multipart");
        assertThatThrownBy(() -> new MultipartReader(stream(""), "x".repeat(201))).hasMessageContaining("1 to 200");
    }

    @Test
    void aPartLargerThanAllowedIsRefused() throws IOException {
        try (MultipartReader r = new MultipartReader(stream("--b\r\n\r\n" + "z".repeat(1000) + "\r\n--b--"), "b")) {
            MultipartReader.Part part = r.next().orElseThrow();
            assertThatThrownBy(() -> part.readAll(999)).isInstanceOf(MultipartReader.PartTooLargeException.class)
                    .hasMessageContaining("part 1 is larger than 999 bytes");
        }
    }

    /** Whatever the parts hold and however the stream is chunked, the reader returns them intact. */
    @Property(tries = 300)
    void readsBackWhatWasWritten(@ForAll("contents") List<byte[]> contents, @ForAll("boundaries") String boundary,
            @ForAll @IntRange(min = 1, max = 5000) int maxChunk, @ForAll long seed) throws IOException {
        MultipartBody body = new MultipartBody("application/dicom", boundary);
        contents.forEach(body::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);

        List<byte[]> parts = readAll(new ChunkedStream(out.toByteArray(), maxChunk, seed), body.contentType());

        assertThat(parts).hasSize(contents.size());
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i)).as("part %d", i + 1).isEqualTo(contents.get(i));
        }
    }

    @Provide
    Arbitrary<String> boundaries() {
        return Arbitraries.strings().withChars("abcXYZ0123456789-_'()+,./:=?").ofMinLength(1).ofMaxLength(70);
    }

    @Provide
    Arbitrary<List<byte[]>> contents() {
        // Bytes drawn mostly from the delimiter's own alphabet, to tempt false boundary matches.
        Arbitrary<Byte> tricky = Arbitraries.of((byte) '\r', (byte) '\n', (byte) '-', (byte) 'a', (byte) 'b', (byte) '0');
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> part = Arbitraries.frequencyOf(Tuple.of(3, tricky), Tuple.of(1, any)).list().ofMaxSize(3000)
                .map(bytes -> {
                    byte[] b = new byte[bytes.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = bytes.get(i);
                    }
                    return b;
                });
        return part.list().ofMaxSize(5);
    }

    private static List<byte[]> readAll(InputStream in, ContentType type) throws IOException {
        try (MultipartReader r = MultipartReader.of(in, type)) {
            return drain(r);
        }
    }

    private static List<byte[]> readAll(InputStream in, String boundary) throws IOException {
        try (MultipartReader r = new MultipartReader(in, boundary)) {
            return drain(r);
        }
    }

    private static List<byte[]> drain(MultipartReader r) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        Optional<MultipartReader.Part> p;
        while ((p = r.next()).isPresent()) {
            parts.add(p.get().readAll(Long.MAX_VALUE));
        }
        return parts;
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Hands out at most {@code maxChunk} bytes per read, at random sizes, as a network would. */
    private static final class ChunkedStream extends FilterInputStream {
        private final int maxChunk;
        private final Random random;

        ChunkedStream(byte[] bytes, int maxChunk, long seed) {
            super(new ByteArrayInputStream(bytes));
            this.maxChunk = maxChunk;
            this.random = new Random(seed);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
        }
    }

}
