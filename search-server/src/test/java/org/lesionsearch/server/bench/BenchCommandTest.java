package org.lesionsearch.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.server.cli.LesionSearchCommand;
import picocli.CommandLine;

/** Runs {@code lesion-search bench} on a small workload and checks the figures it reports. */
class BenchCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsRecallLatencyAndPlanPerFilterClassAsJson() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("bench", "-n", "2000", "--queries", "30", "--warmup", "5", "--exact-threshold", "200",
                "--index", tmp.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode figures = new ObjectMapper().readTree(out.toString());
        assertThat(figures.get("lesions").asInt()).isEqualTo(2000);
        JsonNode engines = figures.get("engines");
        assertThat(engines).hasSize(2);
        assertThat(engines.get(0).get("name").asText()).isEqualTo("lucene");
        assertThat(engines.get(1).get("name").asText()).isEqualTo("plain-hnsw");
        assertThat(engines.get(0).get("importLesionsPerSecond").asDouble()).isPositive();
        assertThat(engines.get(0).get("indexBytes").asLong()).isPositive();
        JsonNode classes = engines.get(0).get("classes");
        assertThat(classes).extracting(c -> c.get("filterClass").asText())
                .containsExactly("none", "label ~30%", "label ~3%", "label ~0.1%", "one patient");
        for (JsonNode c : classes) {
            assertThat(c.get("recallAt10").asDouble()).as("recall of %s", c.get("filterClass")).isGreaterThanOrEqualTo(0.95);
            assertThat(c.get("p50Ms").asDouble()).isPositive().isLessThanOrEqualTo(c.get("p99Ms").asDouble());
        }
        assertThat(classes.get(0).get("plan").asText()).isEqualTo("HNSW");
        assertThat(classes.get(4).get("plan").asText()).isEqualTo("EXACT");
        assertThat(classes.get(1).get("selectivity").asDouble()).isBetween(0.15, 0.45);
    }

    @Test
    void theTableShowsEveryEngineAndTheTargets() {
        StringWriter out = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("bench", "-n", "1000", "--queries", "10", "--warmup", "2");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("lucene plan", "plain-hnsw plan", "recall@10", "p99 ms", "one patient",
                "lesions/s", "targets for lucene");
    }
}
