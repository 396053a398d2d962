package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.query.QueryCompiler;
import org.lesionsearch.server.bench.query.QueryBench;
import picocli.CommandLine;

/** {@code lesion-search bench-query} runs end to end on a tiny index (the figures themselves are not asserted). */
class QueryBenchCommandTest {

    @Test
    void everyTypicalQueryCompiles() {
        QueryCompiler compiler = new QueryCompiler(LesionOntology.lesaNet());
        QueryBench.TYPICAL_QUERIES.forEach(compiler::compile);
    }

    @Test
    void printsBothTablesAndTheSameFiguresAsJson(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = LesionSearchCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("bench-query", "-n", "600", "--index", dir.toString(), "--queries", "5", "--warmup", "1",
                "--json");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("lesions").asLong()).isEqualTo(600);
        assertThat(json.get("parsing")).hasSize(QueryBench.TYPICAL_QUERIES.size());
        assertThat(json.get("searches").findValuesAsText("queryClass")).contains("words", "similar:",
                "baseline: GET /api/lesions/{id}");
        json.get("searches").forEach(row -> assertThat(row.get("httpP50Ms").asDouble()).isPositive());

        StringWriter table = new StringWriter();
        cli.setOut(new PrintWriter(table, true));
        assertThat(cli.execute("bench-query", "--index", dir.toString(), "--queries", "3", "--warmup", "0")).isZero();
        assertThat(table.toString()).contains("parse+plan p99", "HTTP p50", "similar: + words");
    }
}
