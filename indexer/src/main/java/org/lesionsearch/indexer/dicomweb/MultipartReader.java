package org.lesionsearch.indexer.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the parts of a MIME multipart body (RFC 2046) one at a time, so a series of
 * hundreds of instances never sits in memory at once. Each part's body is an
 * {@link InputStream} that ends at the next boundary; {@link #next()} skips what the caller
 * left unread.
 *
 * <p>Not thread-safe. Malformed bodies raise {@link MalformedMultipartException}.
 */
public final class MultipartReader implements AutoCloseable {

    /** RFC 2046 allows 70 characters; Orthanc sends more, so the reader accepts up to this many. */
    static final int MAX_BOUNDARY_LENGTH = 200;
    /** What a writer may use (RFC 2046). */
    static final int MAX_WRITTEN_BOUNDARY_LENGTH = 70;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64;

    private final InputStream in;
    /** {@code CRLF--boundary}: what ends every part body. */
    private final byte[] delimiter;
    private final byte[] buf;
    private int head;
    private int tail;
    private boolean eof;
    private boolean finished;
    private PartBody current;
    private int partCount;

    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new MalformedMultipartException("multipart boundary must be 1 to " + MAX_BOUNDARY_LENGTH + " characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[64 * 1024];
        // The first boundary may open the body without a line break before it.
        buf[0] = '\r';
        buf[1] = '\n';
        tail = 2;
    }

    /** Reader for a body with the given Content-Type, which must carry a boundary. */
    public static MultipartReader of(InputStream in, ContentType contentType) {
        if (!contentType.mediaType().startsWith("multipart/")) {
            throw new MalformedMultipartException("Content-Type " + contentType.mediaType() + " is not multipart");
        }
        String boundary = contentType.parameter("boundary")
                .orElseThrow(() -> new MalformedMultipartException("multipart Content-Type has no boundary parameter"));
        return new MultipartReader(in, boundary);
    }

    /** The next part, or empty after the closing boundary. */
    public Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.drain();
        }
        if (finished) {
            return Optional.empty();
        }
        Map<String, String> headers = readHeaders();
        partCount++;
        current = new PartBody("multipart body ends inside part " + partCount + " without a closing boundary");
        return Optional.of(new Part(partCount, headers, current));
    }

    private void skipPreamble() throws IOException {
        // Reading up to the first delimiter also consumes the line break (or "--") after it.
        new PartBody("multipart body has no opening boundary").drain();
    }

    /** After a delimiter: "--" closes the body, otherwise optional padding and a line break. */
    private void afterDelimiter() throws IOException {
        if (!ensure(2)) {
            throw new MalformedMultipartException("multipart body ends after a boundary without its closing '--'");
        }
        if (buf[head] == '-' && buf[head + 1] == '-') {
            finished = true;
            return;
        }
        // Transport padding (spaces, tabs) may follow a boundary before its line break.
        while (ensure(1) && (buf[head] == ' ' || buf[head] == '\t')) {
            head++;
        }
        if (ensure(2) && buf[head] == '\r' && buf[head + 1] == '\n') {
            head += 2;
        } else if (ensure(1) && buf[head] == '\n') {
            head += 1;
        } else {
            throw new MalformedMultipartException("multipart boundary is not followed by a line break");
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (n >= MAX_HEADERS) {
                throw new MalformedMultipartException("multipart part " + (partCount + 1) + " has more than " + MAX_HEADERS + " headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("multipart part " + (partCount + 1) + " has a malformed header line '"
                        + abbreviate(line) + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!ensure(1)) {
                throw new MalformedMultipartException("multipart body ends inside the headers of part " + (partCount + 1));
            }
            byte b = buf[head++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw new MalformedMultipartException("multipart part " + (partCount + 1) + " has a header line longer than "
                        + MAX_HEADER_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** Makes at least {@code n} unread bytes available; false when the input ends first. */
    private boolean ensure(int n) throws IOException {
        while (tail - head < n) {
            if (eof) {
                return false;
            }
            fill();
        }
        return true;
    }

    private void fill() throws IOException {
        if (head > 0) {
            System.arraycopy(buf, head, buf, 0, tail - head);
            tail -= head;
            head = 0;
        }
        int read = in.read(buf, tail, buf.length - tail);
        if (read < 0) {
            eof = true;
        } else {
            tail += read;
        }
    }

    /** Index of the delimiter in the unread bytes, or -1. */
    private int findDelimiter() {
        byte first = delimiter[0];
        int last = tail - delimiter.length;
        outer:
        for (int i = head; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /** The bytes of one part, up to the next delimiter. */
    private final class PartBody extends InputStream {
        private final String endedEarly;
        private boolean done;

        PartBody(String endedEarly) {
            this.endedEarly = endedEarly;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = findDelimiter();
                if (at == head) {
                    head += delimiter.length;
                    done = true;
                    afterDelimiter();
                    return -1;
                }
                // Bytes before a found delimiter, or all but a possible partial delimiter at the end.
                int safe = at >= 0 ? at - head : tail - head - (delimiter.length - 1);
                if (safe > 0) {
                    int n = Math.min(safe, len);
                    System.arraycopy(buf, head, b, off, n);
                    head += n;
                    return n;
                }
                if (eof) {
                    throw new MalformedMultipartException(endedEarly);
                }
                fill();
            }
        }

        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        }
    }

    /**
     * One part: its 1-based position, its headers (names in lower case) and its body stream,
     * valid until the next call to {@link MultipartReader#next()}.
     */
    public record Part(int number, Map<String, String> headers, InputStream body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The part's Content-Type, or {@code fallback} when it has none. */
        public ContentType contentType(ContentType fallback) {
            return header("content-type").map(ContentType::parse).orElse(fallback);
        }

        /**
         * Reads the whole body into memory.
         *
         * @throws PartTooLargeException when it exceeds {@code maxBytes}
         */
        public byte[] readAll(long maxBytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(chunk)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new PartTooLargeException(number, maxBytes);
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** A part bigger than the caller allows. */
    public static final class PartTooLargeException extends IOException {
        public PartTooLargeException(int part, long maxBytes) {
            super("multipart part " + part + " is larger than " + maxBytes + " bytes");
        }
    }
}
