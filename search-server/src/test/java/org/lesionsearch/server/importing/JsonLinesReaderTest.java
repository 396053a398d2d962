package org.lesionsearch.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    private static List<JsonLinesReader.Line> readAll(String text, int maxChars) throws IOException {
        return readAll(text, maxChars, 1 << 16);
    }

    private static List<JsonLinesReader.Line> readAll(String text, int maxChars, int bufferChars) throws IOException {
        List<JsonLinesReader.Line> out = new ArrayList<>();
        try (JsonLinesReader reader = new JsonLinesReader(new StringReader(text), maxChars, bufferChars)) {
            JsonLinesReader.Line line;
            while ((line = reader.next()) != null) {
                out.add(line);
            }
        }
        return out;
    }

    @Property(tries = 500)
    void linesComeBackNumberedWhateverTheLineEndingAndBufferSize(
            @ForAll @Size(max = 20) List<@StringLength(max = 40) @CharRange(from = ' ', to = '~') String> lines,
            @ForAll boolean crlf, @ForAll boolean finalNewline, @ForAll @IntRange(min = 1, max = 16) int bufferChars)
            throws IOException {
        String sep = crlf ? "\r\n" : "\n";
        String text = String.join(sep, lines) + (finalNewline && !lines.isEmpty() ? sep : "");
        List<JsonLinesReader.Line> read = readAll(text, 100, bufferChars);
        // as with BufferedReader: an empty last line not ended by a newline is no line at all
        List<String> expected = !finalNewline && !lines.isEmpty() && lines.getLast().isEmpty()
                ? lines.subList(0, lines.size() - 1) : lines;
        assertThat(read).extracting(JsonLinesReader.Line::text).containsExactlyElementsOf(expected);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).number()).isEqualTo(i + 1);
        }
    }

    @Property(tries = 300)
    void aLineOverTheLimitIsReportedWithItsLengthAndTheNextLineIsIntact(
            @ForAll @StringLength(min = 1, max = 200) @CharRange(from = 'a', to = 'z') String longLine,
            @ForAll @IntRange(min = 1, max = 64) int bufferChars) throws IOException {
        List<JsonLinesReader.Line> read = readAll("{}\n" + longLine + "\n{\"id\":\"x\"}", 50, bufferChars);
        assertThat(read).hasSize(3);
        if (longLine.length() > 50) {
            assertThat(read.get(1).tooLong()).isTrue();
            assertThat(read.get(1).length()).isEqualTo(longLine.length());
        } else {
            assertThat(read.get(1).text()).isEqualTo(longLine);
        }
        assertThat(read.get(2).text()).isEqualTo("{\"id\":\"x\"}");
        assertThat(read.get(2).number()).isEqualTo(3);
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() throws IOException {
        assertThat(readAll("\uFEFF{\"id\":\"a\"}\n", 100)).singleElement().extracting(JsonLinesReader.Line::text)
                .isEqualTo("{\"id\":\"a\"}");
    }
}
