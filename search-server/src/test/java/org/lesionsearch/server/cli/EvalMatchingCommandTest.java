package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.CohortGenerator;
import org.lesionsearch.indexer.synth.SynthOptions;

/** {@code lesion-search eval-matching} on a small generated cohort and the real DLS pairs. */
class EvalMatchingCommandTest {

    @TempDir
    static Path cohort;

    private static final Path DLS = Path.of(System.getProperty("lesionsearch.shared", "../shared"),
            "data", "tracking", "dls_valid.json");

    @BeforeAll
    static void generate() throws Exception {
        new CohortGenerator(SynthOptions.defaults(4, 7).withNeighbours(0), LesionOntology.lesaNet()).generate(cohort, null);
    }

    @Test
    void printsATableWithACohortPerColumn() {
        CommandRun r = CommandRun.of("eval-matching", "--synthetic", cohort.toString(), "--dls", DLS.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("synthetic", "DLS pairs", "top-1 matching accuracy", "baseline: nearest location",
                "false matches", "track purity");
    }

    @Test
    void jsonHasTheSameFigures() throws Exception {
        CommandRun r = CommandRun.of("eval-matching", "--synthetic", cohort.resolve("ground_truth.jsonl").toString(), "--dls",
                DLS.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode synthetic = json.get("synthetic");
        assertThat(synthetic.get("patients").asInt()).isEqualTo(4);
        assertThat(synthetic.get("queries").asInt()).isPositive();
        assertThat(synthetic.get("top1Accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(synthetic.get("trackPurity").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(synthetic.get("absentFalseMatchRate").isNumber() || synthetic.get("absentQueries").asInt() == 0).isTrue();
        JsonNode dls = json.get("DLS pairs");
        assertThat(dls.get("queries").asInt()).isEqualTo(852);
        assertThat(dls.get("top1Accuracy").asDouble()).isGreaterThan(0.94);
        assertThat(dls.get("absentFalseMatchRate").isNull()).isTrue();
    }

    @Test
    void badArgumentsSayWhatIsMissing(@TempDir Path empty) {
        CommandRun none = CommandRun.of("eval-matching");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("error: give --synthetic DIR, --dls FILE or both");
        CommandRun indexAlone = CommandRun.of("eval-matching", "--index", empty.toString(), "--dls", DLS.toString());
        assertThat(indexAlone.code()).isEqualTo(2);
        assertThat(indexAlone.err()).contains("--index needs --synthetic");
        CommandRun missing = CommandRun.of("eval-matching", "--synthetic", empty.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(empty.resolve("ground_truth.jsonl") + " does not exist");
    }

    @Test
    void helpShowsExamples() {
        CommandRun r = CommandRun.of("eval-matching", "--help");
        assertThat(r.out()).contains("Examples:", "lesion-search eval-matching --synthetic");
    }
}
