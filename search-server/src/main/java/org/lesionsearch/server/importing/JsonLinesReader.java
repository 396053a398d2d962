package org.lesionsearch.server.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into numbered lines (LF or CRLF) without ever holding more than
 * {@code maxChars} of one line, so that a huge or binary line cannot exhaust memory: such a line
 * is returned as {@linkplain Line#tooLong() too long} with its length but no text.
 */
final class JsonLinesReader implements Closeable {

    /** One line; {@code text} is {@code null} when the line was longer than the limit. */
    record Line(long number, String text, long length) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer;
    private int pos;
    private int end;
    private long lineNumber;
    private boolean eof;

    JsonLinesReader(Reader in, int maxChars) {
        this(in, maxChars, 1 << 16);
    }

    /** With a given read buffer size, so that tests can put lines across many buffer boundaries. */
    JsonLinesReader(Reader in, int maxChars, int bufferChars) {
        this.in = in;
        this.maxChars = maxChars;
        this.buffer = new char[bufferChars];
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean sawAnything = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!sawAnything) {
                        return null;
                    }
                    return finish(text, length);
                }
            }
            sawAnything = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (length + n <= maxChars) {
                text.append(buffer, start, n);
            } else if (length <= maxChars) {
                text.setLength(0);
            }
            length += n;
            if (pos < end) {
                pos++; // the newline
                return finish(text, length);
            }
        }
    }

    private Line finish(StringBuilder text, long length) {
        lineNumber++;
        if (length > maxChars) {
            return new Line(lineNumber, null, length);
        }
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) == '\r') {
            text.setLength(n - 1);
            length--;
        }
        if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
        }
        return new Line(lineNumber, text.toString(), length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
