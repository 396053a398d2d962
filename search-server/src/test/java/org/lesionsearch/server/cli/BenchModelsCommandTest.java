package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchModelsCommandTest {

    @Test
    void printsThroughputPerNetworkAndBatchAsJson() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("bench-models", "--untrained", "--width", "0.0625", "--patch-px", "16", "--seconds", "0.05",
                "--batch", "1,2", "--no-baseline", "--json");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("rows")).hasSize(8);
        for (JsonNode row : json.get("rows")) {
            assertThat(row.get("lesions_per_second").asDouble()).isPositive();
        }
        assertThat(json.get("rows").findValuesAsText("network")).contains("embedder", "labeler", "ssbr", "all three (encode)");
        assertThat(json.get("model").asText()).startsWith("untrained-slim");
    }

    @Test
    void helpShowsExamples() {
        StringWriter out = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.execute("bench-models", "--help");
        assertThat(out.toString()).contains("Examples:").contains("lesion-search bench-models --json");
    }
}
