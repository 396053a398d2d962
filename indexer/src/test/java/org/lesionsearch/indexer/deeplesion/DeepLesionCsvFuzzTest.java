package org.lesionsearch.indexer.deeplesion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.lesionsearch.indexer.SharedTestData;

/**
 * Hostile DL_info.csv content: the real file's first rows, mutated at random. The reader either
 * reads a row or lists it as an error naming the file and the line, and a damaged row never costs
 * the other rows; nothing else escapes, and it finishes quickly.
 */
class DeepLesionCsvFuzzTest {

    private static final Path FILE = Path.of("DL_info.csv");
    private static final List<String> LINES = realLines(60);

    private static List<String> realLines(int n) {
        try {
            return Files.readAllLines(SharedTestData.deepLesion().resolve("DL_info_val.csv"), StandardCharsets.UTF_8)
                    .subList(0, n + 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 400)
    void anyDamageToTheTextIsReadOrReportedNeverThrown(@ForAll("edits") List<Edit> edits) {
        String text = String.join("\n", LINES) + "\n";
        StringBuilder damaged = new StringBuilder(text);
        for (Edit e : edits) {
            e.apply(damaged);
        }
        DeepLesionCsvReader.Table table;
        try {
            table = new DeepLesionCsvReader().read(new StringReader(damaged.toString()), FILE);
        } catch (IOException refused) {
            // a broken header or an unreadable file as a whole: the message names the file
            assertThat(refused.getMessage()).contains(FILE.toString());
            return;
        }
        for (DeepLesionCsvReader.RowError error : table.errors()) {
            assertThat(error.toString()).contains(FILE.toString());
            assertThat(error.line()).isPositive();
        }
        assertThat(table.rows().size() + table.errors().size()).isLessThanOrEqualTo(damaged.length());
    }

    @Property(tries = 300)
    void aDamagedCellCostsOnlyItsOwnRow(@ForAll @IntRange(min = 1, max = 60) int line,
            @ForAll @IntRange(min = 0, max = 17) int column, @ForAll("garbage") String value) throws IOException {
        List<String> lines = new ArrayList<>(LINES);
        String[] cells = lines.get(line).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        cells[column] = value;
        lines.set(line, String.join(",", cells));
        DeepLesionCsvReader.Table table = new DeepLesionCsvReader().read(new StringReader(String.join("\n", lines)), FILE);
        DeepLesionCsvReader.Table original = new DeepLesionCsvReader().read(new StringReader(String.join("\n", LINES)), FILE);
        assertThat(table.rows().size() + table.errors().size()).isEqualTo(original.rows().size());
        assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(original.rows().size() - 1);
        assertThat(table.errors()).allSatisfy(e -> assertThat(e.line()).isEqualTo(line + 1));
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.-eE+ NaInfinity").ofMaxLength(12),
                Arbitraries.of("", "NaN", "-Infinity", "1e400", "99999999999999999999", "-1", "0, 0", "a b c"),
                Arbitraries.strings().alpha().numeric().ofMaxLength(20));
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1).flatMap(at -> Arbitraries.of(",", "\"", "\n", "\r", "\u0000", "\uFFFD", ";", " ")
                        .map(s -> (Edit) new Insert(at, s))),
                Arbitraries.doubles().between(0, 1).flatMap(at -> Arbitraries.integers().between(1, 200)
                        .map(n -> (Edit) new Delete(at, n))),
                Arbitraries.doubles().between(0, 1).map(at -> (Edit) new Truncate(at)));
        return edit.list().ofMinSize(1).ofMaxSize(6);
    }

    /** One change to the text. */
    sealed interface Edit permits Insert, Delete, Truncate {
        void apply(StringBuilder text);
    }

    record Insert(double at, String what) implements Edit {
        public void apply(StringBuilder text) {
            text.insert((int) (at * text.length()), what);
        }
    }

    record Delete(double at, int count) implements Edit {
        public void apply(StringBuilder text) {
            int from = (int) (at * text.length());
            text.delete(from, Math.min(text.length(), from + count));
        }
    }

    record Truncate(double at) implements Edit {
        public void apply(StringBuilder text) {
            text.setLength((int) (at * text.length()));
        }
    }
}
