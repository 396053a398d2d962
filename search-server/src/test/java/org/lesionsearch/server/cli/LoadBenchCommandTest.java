package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import picocli.CommandLine;

/** {@code bench-load} on a small index: both phases run against a real server, answer, and write what they say. */
class LoadBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void bothPhasesRunAndTheWritesLand() throws Exception {
        Path index = dir.resolve("index");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("bench-load", "-n", "400", "--index", index.toString(), "--seconds", "2", "--warmup", "0",
                "--clients", "2", "--ingest-batch", "10", "--ingest-rate", "20", "--json");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode figures = new ObjectMapper().readTree(out.toString());
        assertThat(figures.get("lesions").asLong()).isEqualTo(400);
        JsonNode baseline = figures.at("/phases/0"), steady = figures.at("/phases/1"), flatOut = figures.at("/phases/2");
        assertThat(baseline.get("name").asText()).isEqualTo("searches only");
        assertThat(steady.get("name").asText()).isEqualTo("searches + 20 lesions/s");
        assertThat(flatOut.get("name").asText()).isEqualTo("searches + flat-out writes");
        for (JsonNode phase : figures.get("phases")) {
            assertThat(phase.get("searches").asLong()).isPositive();
            assertThat(phase.get("serverErrors").asLong()).isZero();
            assertThat(phase.get("clientErrors").asLong()).isZero();
            assertThat(phase.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(phase.get("p50Ms").asDouble());
        }
        assertThat(baseline.get("ingested").asLong()).isZero();
        // the steady writer keeps to its rate: 2 batches of 10 a second, for 2 seconds
        assertThat(steady.get("ingested").asLong()).isBetween(20L, 40L);
        assertThat(flatOut.get("ingested").asLong()).isPositive();
        long ingested = steady.get("ingested").asLong() + flatOut.get("ingested").asLong();
        try (LuceneLesionIndex opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(opened.count(Filter.all())).isEqualTo(400 + ingested);
        }
    }

    @Test
    void theTableShowsBothPhasesAndTheTarget() {
        StringWriter out = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("bench-load", "-n", "200", "--seconds", "1", "--warmup", "0", "--clients", "1")).isZero();
        assertThat(out.toString()).contains("searches only").contains("searches + 100 lesions/s")
                .contains("searches + flat-out writes").contains("p99 ms")
                .contains("target for 'searches + 100 lesions/s'");
        assertThat(LesionSearchCommand.commandLine().execute("bench-load", "--clients", "0")).isEqualTo(2);
    }
}
