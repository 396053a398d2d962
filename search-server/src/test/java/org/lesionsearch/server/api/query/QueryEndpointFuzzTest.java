package org.lesionsearch.server.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
import org.lesionsearch.server.api.ApiHarness;
import org.lesionsearch.server.bench.query.QueryBench;

/**
 * Hostile queries through the whole stack, {@code GET /api/search?q=} on a real server: typical
 * queries cut, spliced and sprinkled with operators and odd characters. The answer is a result or
 * a 4xx naming the query, never a 5xx.
 */
class QueryEndpointFuzzTest {

    private static Path dir;
    private static ApiHarness api;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("query-fuzz");
        api = ApiHarness.start(dir);
        api.index().upsert(new TestLesions(9).cohort(60, 6));
        api.index().commit();
    }

    @AfterContainer
    static void stop() throws IOException {
        api.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 300)
    void anyQueryGetsAnAnswerOrAClientError(@ForAll("queries") String q) {
        ApiHarness.Reply reply = api.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(reply.status()).as("q=%s answered %s", q, reply.text()).isIn(200, 400, 422);
        if (reply.status() != 200) {
            assertThat(reply.at("/field").asText()).isEqualTo("q");
        }
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> typical = Arbitraries.of(QueryBench.TYPICAL_QUERIES);
        Arbitrary<String> pieces = Arbitraries.of("(", ")", "\"", "OR", "AND", "NOT", "-", "size:", "age:", "sex:", "k:",
                "similar:", "part:", "attr:", "..", ">", "<=", "mm", "cm", "1e309", "-0", "NaN", "\u0000", "\u202E", "\uD800",
                "*", "?", "\\", ":", "::", "sort:", "sort:size_desc", "k:0", "k:99999999999", "size:10..5mm", "é", "𝔏");
        Arbitrary<String> spliced = Combinators.combine(typical, pieces, Arbitraries.doubles().between(0, 1))
                .as((query, piece, at) -> {
                    int i = (int) (at * query.length());
                    return query.substring(0, i) + piece + query.substring(i);
                });
        Arbitrary<String> cut = Combinators.combine(typical, Arbitraries.doubles().between(0, 1))
                .as((query, at) -> query.substring(0, (int) (at * query.length())));
        Arbitrary<String> soup = pieces.list().ofMaxSize(12).map(l -> String.join(" ", l));
        return Arbitraries.oneOf(spliced, cut, soup, Arbitraries.strings().ofMaxLength(60));
    }
}
