package org.lesionsearch.server.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.json.ApiJson;

/**
 * Whatever the input, the importer accounts for every record (imported or refused with a reason
 * and its line number) and never throws; valid records always land in the index.
 */
class JsonLinesImporterPropertyTest {

    private static final ObjectMapper MAPPER = ApiJson.mapper();
    private static final List<Lesion> VALID = new TestLesions(77).cohort(12, 3);
    private static final java.util.Map<String, Lesion> BY_JSON = VALID.stream()
            .collect(java.util.stream.Collectors.toMap(JsonLinesImporterPropertyTest::json, l -> l));

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String json(Lesion lesion) {
        try {
            return MAPPER.writeValueAsString(lesion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of input: valid, a valid one with a few characters changed, JSON-ish debris or any text. */
    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> valid = Arbitraries.of(List.copyOf(BY_JSON.keySet()));
        Arbitrary<String> damaged = Combinators.combine(valid, Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.chars().with('"', '{', '}', '[', ']', ',', ':', '-', 'e', '9', 'N', ' '), Arbitraries.integers().between(0, 2))
                .as((line, at, c, how) -> {
                    int i = at % line.length();
                    return switch (how) {
                        case 0 -> line.substring(0, i) + line.substring(i + 1);
                        case 1 -> line.substring(0, i) + c + line.substring(i);
                        default -> line.substring(0, i) + c + line.substring(i + 1);
                    };
                });
        Arbitrary<String> debris = Arbitraries.of("{", "}", "[]", "null", "NaN", "{\"id\":1}", "{\"id\":\"a\",\"id\":\"b\"}",
                "{\"id\":\"x\",\"patientId\":\"p\",\"studyId\":\"s\",\"embedding\":[1e999]}", "\"text\"", "   ", "\t", "{} {}");
        Arbitrary<String> anything = Arbitraries.strings().withCharRange((char) 0, (char) 0x2FF).ofMaxLength(40)
                .map(s -> s.replace('\n', ' '));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, valid), net.jqwik.api.Tuple.of(3, damaged),
                net.jqwik.api.Tuple.of(2, debris), net.jqwik.api.Tuple.of(2, anything));
    }

    @Property(tries = 30)
    void everyRecordIsImportedOrRefusedWithItsLineAndNothingThrows(@ForAll @Size(max = 25) List<@From("lines") String> lines) throws IOException {
        Path dir = Files.createTempDirectory("import-property");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            check(lines, index);
        } finally {
            delete(dir);
        }
    }

    private static void check(List<String> lines, LuceneLesionIndex index) throws IOException {
        byte[] input = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        List<LineRejection> heard = new ArrayList<>();
        JsonLinesImporter importer = new JsonLinesImporter(index, MAPPER, LuceneIndexOptions.defaults().validator(),
                new JsonLinesImporter.Options(4, 1000, 1 << 20, 1000));
        ImportSummary summary = importer.importFrom(new ByteArrayInputStream(input), new ImportListener() {
            @Override
            public void rejected(LineRejection rejection) {
                heard.add(rejection);
            }
        });

        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        assertThat(summary.records()).isEqualTo(nonBlank);
        assertThat(summary.imported() + summary.rejectedCount()).isEqualTo(summary.records());
        assertThat(summary.rejected()).hasSameSizeAs(heard).allSatisfy(r -> {
            assertThat(r.line()).isBetween(1L, (long) lines.size());
            assertThat(lines.get((int) r.line() - 1)).isNotBlank();
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(summary.rejected()).extracting(LineRejection::line).isSorted();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> later = lines.subList(i + 1, lines.size());
            // a valid record is in the index unless a later line of the same id replaced it (last one wins)
            Lesion valid = BY_JSON.get(line);
            if (valid != null && later.stream().noneMatch(next -> next.contains("\"id\":\"" + valid.id() + "\""))) {
                assertThat(index.get(valid.id())).contains(valid);
            }
        }
    }
}
