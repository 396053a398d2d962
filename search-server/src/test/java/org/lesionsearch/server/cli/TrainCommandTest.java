package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.CohortGenerator;
import org.lesionsearch.indexer.synth.OutputFormat;
import org.lesionsearch.indexer.synth.SynthOptions;
import org.lesionsearch.models.inference.DjlLesionEncoder;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.Encoding;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.models.input.LesionPatches;
import picocli.CommandLine;

/** {@code train} on a small synthetic cohort: all three networks, a bundle that encodes, resume. */
class TrainCommandTest {

    @TempDir
    static Path dir;
    static Path cohort;

    @BeforeAll
    static void generateCohort() throws Exception {
        cohort = dir.resolve("synth");
        new CohortGenerator(new SynthOptions(3, 5, OutputFormat.DEEPLESION, 2, false, 2), LesionOntology.lesaNet())
                .generate(cohort, null);
    }

    @Test
    void trainsAllThreeNetworksIntoABundleAndResumes() throws Exception {
        Path out = dir.resolve("bundle");
        String[] tiny = {"--width", "0.0625", "--patch-px", "16", "--batch", "10", "--checkpoint-every", "1", "--seed", "3"};
        CommandRun first = CommandRun.of(concat(new String[] {"train", "all", "--data", cohort.toString(), "--out", out.toString(),
                "--steps", "2", "--json"}, tiny));
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(first.out());
        assertThat(summary.get("networks").findValuesAsText("network")).containsExactly("embedder", "labeler", "ssbr");
        assertThat(summary.get("bundle").asText()).isEqualTo("lesion-search-demo@1.0");
        assertThat(summary.get("networks").get(1).get("metrics").has("final_loss")).isTrue();
        for (String file : List.of("model.json", "embedder.f16", "labeler.f16", "ssbr.f16", "run/embedder-loss.csv",
                "run/labeler-loss.png", "run/checkpoints/ssbr.params")) {
            assertThat(out.resolve(file)).isRegularFile();
        }

        CommandRun resumed = CommandRun.of(concat(new String[] {"train", "ssbr", "--data", cohort.toString(), "--out", out.toString(),
                "--steps", "3", "--resume"}, tiny));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("run/ssbr-loss.csv"))).hasSize(1 + 3);
        assertThat(resumed.out()).contains("train_z_mae").contains("model bundle lesion-search-demo@1.0");

        try (DjlLesionEncoder encoder = ModelBundles.open(out, new EncoderOptions(1, 4))) {
            LesionPatches noise = org.lesionsearch.models.benchmark.EncoderBenchmark.randomPatches(encoder.inputSpec(), 1, 1).getFirst();
            Encoding e = encoder.encode(List.of(noise)).getFirst();
            assertThat(e.embedding()).hasSize(1024);
        }
    }

    @Test
    void reportsAMissingFolderPlainly() {
        CommandRun r = CommandRun.of(new String[] {"train", "embedder", "--data", dir.resolve("nowhere").toString(), "--out", dir.resolve("x").toString()});
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nowhere").contains("is not a folder");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
