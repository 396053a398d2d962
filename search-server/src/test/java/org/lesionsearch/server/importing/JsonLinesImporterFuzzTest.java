package org.lesionsearch.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.json.ApiJson;

/**
 * Hostile JSON Lines at the byte level: real lesion records with bytes changed (invalid UTF-8, NUL,
 * control characters), deep nesting and a line far over the limit, into one real index shared by
 * every try. Each non-blank line is imported or rejected with its line number, and nothing escapes.
 */
class JsonLinesImporterFuzzTest {

    private static final ObjectMapper MAPPER = ApiJson.mapper();
    private static final int MAX_LINE_CHARS = 64 * 1024;
    private static Path dir;
    private static LuceneLesionIndex index;
    private static List<byte[]> records;

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("jsonl-fuzz");
        index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults());
        records = new ArrayList<>();
        for (Lesion l : new TestLesions(77).cohort(12, 3)) {
            records.add(MAPPER.writeValueAsBytes(l));
        }
    }

    @AfterContainer
    static void close() throws IOException {
        index.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 150)
    void everyLineIsImportedOrRejectedWithItsNumber(@ForAll("lines") List<byte[]> lines) throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            input.writeBytes(line);
            input.write('\n');
        }
        JsonLinesImporter importer = new JsonLinesImporter(index, MAPPER, LuceneIndexOptions.defaults().validator(),
                new JsonLinesImporter.Options(5, 1000, MAX_LINE_CHARS, 1000));
        ImportSummary summary = importer.importFrom(new ByteArrayInputStream(input.toByteArray()), new ImportListener() {
        });
        long physicalLines = new String(input.toByteArray(), StandardCharsets.UTF_8).split("\n", -1).length - 1;
        assertThat(summary.imported() + summary.rejectedCount()).isEqualTo(summary.records());
        assertThat(summary.records()).isLessThanOrEqualTo(physicalLines);
        assertThat(summary.rejected()).allSatisfy(r -> {
            assertThat(r.line()).isBetween(1L, physicalLines);
            assertThat(r.reason()).isNotBlank().hasSizeLessThan(4000);
        });
    }

    @Provide
    Arbitrary<List<byte[]>> lines() {
        Arbitrary<byte[]> valid = Arbitraries.of(records);
        Arbitrary<byte[]> damaged = Combinators.combine(valid, Arbitraries.integers().between(0, 1 << 20).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(0, 255).list().ofSize(6)).as((line, at, value) -> {
                    byte[] copy = line.clone();
                    for (int i = 0; i < at.size(); i++) {
                        byte b = (byte) (int) value.get(i);
                        copy[at.get(i) % copy.length] = b == '\n' ? (byte) 0xC3 : b;
                    }
                    return copy;
                });
        Arbitrary<byte[]> nested = Arbitraries.integers().between(100, 5000)
                .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> huge = Arbitraries.integers().between(MAX_LINE_CHARS + 1, 4 * MAX_LINE_CHARS)
                .map(n -> ("{\"id\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(300)
                .map(b -> {
                    for (int i = 0; i < b.length; i++) {
                        if (b[i] == '\n') {
                            b[i] = 0;
                        }
                    }
                    return b;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(4, damaged),
                net.jqwik.api.Tuple.of(1, nested), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, binary))
                .list().ofMaxSize(12);
    }
}
