package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader;
import org.lesionsearch.indexer.deeplesion.DeepLesionRow;
import org.lesionsearch.indexer.synth.CohortGenerator;
import org.lesionsearch.indexer.synth.OutputFormat;
import org.lesionsearch.indexer.synth.SynthOptions;
import picocli.CommandLine;

/** {@code eval-models} with the shipped demo weights on a tiny synthetic cohort written by the project's generator. */
class EvalModelsCommandTest {

    @TempDir
    static Path dir;
    static Path cohort;
    /** The cohort's test-split rows, as DL_info.csv lists them. */
    static List<DeepLesionRow> testRows;

    @BeforeAll
    static void generateCohort() throws Exception {
        cohort = dir.resolve("synth");
        // seed 30: of 3 patients, the 2nd (two studies) and the 3rd are in the test split; one neighbour each way
        new CohortGenerator(new SynthOptions(3, 30, OutputFormat.DEEPLESION, 1, false, 2), LesionOntology.lesaNet())
                .generate(cohort, null);
        testRows = new DeepLesionCsvReader().read(cohort.resolve("DL_info.csv")).rows().stream()
                .filter(r -> r.split() == DeepLesionRow.Split.TEST).toList();
        assertThat(testRows.stream().map(DeepLesionRow::patientKey).distinct()).as("a test split of two patients").hasSize(2);
    }

    @Test
    void scoresTheHeldOutSplitWithEveryFigureAsJson() throws Exception {
        CommandRun r = CommandRun.of("eval-models", "--data", cohort.toString(), "--json", "--per-label");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(json.get("split").asText()).isEqualTo("test");
        assertThat(json.get("model").asText()).startsWith("lesion-search-demo");
        JsonNode sizes = json.get("sizes");
        assertThat(sizes.get("lesions").asInt()).isEqualTo(testRows.size());
        assertThat(sizes.get("patients").asInt()).isEqualTo(2);
        assertThat(sizes.get("studies").asInt()).isEqualTo(testRows.stream().map(DeepLesionRow::studyKey).distinct().count());
        assertThat(sizes.get("retrieval_lesions").asInt()).isEqualTo(testRows.size());
        assertThat(sizes.get("labelled_lesions").asInt()).isEqualTo(testRows.size());
        assertThat(sizes.get("labels").asInt()).isEqualTo(171);
        assertThat(sizes.get("ssbr_volumes").asInt()).isPositive();
        assertThat(sizes.get("ssbr_slices").asInt()).isGreaterThanOrEqualTo(3 * sizes.get("ssbr_volumes").asInt());

        JsonNode embedder = json.get("embedder");
        assertThat(embedder.get("k").asInt()).isEqualTo(5);
        List<JsonNode> rankings = list(embedder.get("rankings"));
        assertThat(rankings).extracting(n -> n.get("ranking").asText()).containsExactly("embedding", "nearest location", "random");
        long expectedQueries = expectedRetrievalQueries(5);
        assertThat(expectedQueries).isPositive();
        for (JsonNode row : rankings) {
            assertThat(row.get("retrieval_queries").asLong()).as(row.get("ranking").asText()).isEqualTo(expectedQueries);
            assertThat(row.get("matching_queries").asInt()).isEqualTo(rankings.getFirst().get("matching_queries").asInt()).isPositive();
            assertThat(row.get("precision_at_k_type").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("mean_location_distance").asDouble()).isBetween(0.0, Math.sqrt(3));
            assertThat(row.get("mean_size_ratio").asDouble()).isGreaterThanOrEqualTo(1.0);
            assertThat(row.get("matching_accuracy").asDouble()).isBetween(0.0, 1.0);
        }
        // the nearest-location ranking picks the five nearest lesions of each query: on the same queries no
        // ranking can have nearer top fives, so this fails if the baseline were scored on other lesions
        double nearest = rankings.get(1).get("mean_location_distance").asDouble();
        assertThat(nearest).isLessThanOrEqualTo(rankings.get(0).get("mean_location_distance").asDouble() + 1e-12);
        assertThat(nearest).isLessThanOrEqualTo(rankings.get(2).get("mean_location_distance").asDouble() + 1e-12);

        JsonNode labeler = json.get("labeler");
        List<JsonNode> groups = list(labeler.get("macro"));
        assertThat(groups).extracting(n -> n.get("group").asText()).containsExactly("body part", "type", "attribute", "all");
        int present = sizes.get("labels_present").asInt();
        assertThat(present).isBetween(1, 171);
        assertThat(groups.getLast().get("labels").asInt()).isEqualTo(present)
                .isEqualTo(groups.subList(0, 3).stream().mapToInt(g -> g.get("labels").asInt()).sum());
        for (JsonNode g : groups) {
            if (g.get("labels").asInt() > 0) {
                for (String figure : List.of("mean_auc", "precision", "recall", "f1")) {
                    assertThat(g.get(figure).asDouble()).as(g.get("group").asText() + " " + figure).isBetween(0.0, 1.0);
                }
            }
        }
        for (String figure : List.of("precision", "recall", "f1")) {
            assertThat(labeler.get("micro").get(figure).asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(labeler.get("per_label")).hasSize(present);

        JsonNode ssbr = json.get("ssbr");
        assertThat(ssbr.get("order_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(ssbr.get("slice_pairs").asInt()).isGreaterThanOrEqualTo(3 * sizes.get("ssbr_volumes").asInt());
        assertThat(ssbr.get("volumes").asInt()).isEqualTo(sizes.get("ssbr_volumes").asInt());
        assertThat(ssbr.get("z_mean_absolute_error").asDouble()).isBetween(0.0, 1.0);
        assertThat(ssbr.get("z_mean_absolute_error_mean_baseline").asDouble()).isBetween(0.0, 1.0);
        assertThat(ssbr.get("z_lesions").asInt()).isEqualTo(testRows.size());

        List<JsonNode> targets = list(json.get("targets"));
        assertThat(targets).hasSize(3);
        assertThat(targets.getFirst().get("value").asDouble())
                .isCloseTo(rankings.getFirst().get("precision_at_k_type").asDouble(), within(1e-12));
        for (JsonNode t : targets) {
            assertThat(t.get("met").asBoolean()).isEqualTo(t.get("value").asDouble() >= t.get("target").asDouble());
        }
    }

    @Test
    void printsOneTableWithTheBaselinesBesideTheEmbedding() {
        CommandRun r = CommandRun.of("eval-models", "--data", cohort.toString(), "--split", "test");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("test split of synthetic cohort")
                .contains(testRows.size() + " lesions of 2 patients")
                .containsPattern("embedding\\s+nearest location\\s+random")
                .contains("precision@5, same coarse type", "mean location distance of top 5", "mean size ratio of top 5",
                        "same-lesion matching across studies", "body part", "attribute", "micro (pooled)",
                        "order accuracy of slice pairs", "mean |z error| of lesions", "targets:");
    }

    @Test
    void reportsMissingFoldersPlainly() {
        CommandRun data = CommandRun.of("eval-models", "--data", dir.resolve("nowhere").toString());
        assertThat(data.code()).isEqualTo(2);
        assertThat(data.err()).contains("nowhere").contains("is not a folder");
        CommandRun model = CommandRun.of("eval-models", "--data", cohort.toString(), "--model", dir.resolve("no-bundle").toString());
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("no-bundle").contains("does not exist");
    }

    @Test
    void helpShowsExamples() {
        CommandRun r = CommandRun.of("eval-models", "--help");
        assertThat(r.out()).contains("Examples:").contains("lesion-search eval-models --data synth/");
    }

    /** Test lesions with at least {@code k} test lesions of other patients, counted from DL_info.csv. */
    private static long expectedRetrievalQueries(int k) {
        Map<String, Long> perPatient = testRows.stream().collect(Collectors.groupingBy(DeepLesionRow::patientKey, Collectors.counting()));
        Set<String> patients = perPatient.keySet();
        return patients.stream().filter(p -> testRows.size() - perPatient.get(p) >= k).mapToLong(perPatient::get).sum();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
