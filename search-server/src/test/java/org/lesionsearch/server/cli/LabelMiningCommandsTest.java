package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabelMiningCommandsTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = LesionSearchCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Path handLabeledDev() {
        String configured = System.getProperty("lesionsearch.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(root.resolve("data"))) {
            root = Path.of("..", "..", "shared");
        }
        return root.resolve("data/lesanet/hand_labeled_dev_150.json");
    }

    @Test
    void minesASentenceWithTheWordsBehindEachLabel() {
        Run run = run("mine-labels", "--text", "Hypodense lesion adjacent to the pancreas, possibly a cyst; no evidence of liver metastasis");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("relevant\\s+hypoattenuation\\s+'hypodense lesion' \\(mention\\)")
                .containsPattern("uncertain\\s+cyst\\s+'cyst' \\(hedge: possibly\\)")
                .containsPattern("irrelevant\\s+pancreas\\s+'pancreas' \\(relation: adjacent to\\)")
                .containsPattern("irrelevant\\s+metastasis\\s+'metastasis' \\(negation: no evidence of\\)");
    }

    @Test
    void minesEveryBookmarkOfAReportAsJson(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "Liver: hypodense lesion BOOKMARK (2.1 cm x 1.6 cm) (series 2, image 45)."
                + " Lungs: spiculated nodule in the right upper lobe BOOKMARK.");
        Run run = run("mine-labels", "--report", "--json", report.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode results = new ObjectMapper().readTree(run.out());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("relevant").toString()).contains("\"liver\"", "\"hypoattenuation\"");
        assertThat(results.get(1).get("relevant").toString()).contains("\"right upper lobe\"", "\"spiculated\"");
        assertThat(results.get(1).get("evidence").get(0).get("reason").asText()).isEqualTo("mention");
    }

    @Test
    void readsCsvAndJsonFilesAndNamesBadRows(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("sentences.csv");
        Files.writeString(csv, "id,sentence\n1,\"left renal mass, likely carcinoma\"\n2,\n3,lingular nodule\n");
        Run fromCsv = run("mine-labels", "--column", "sentence", "--no-parents", csv.toString());
        assertThat(fromCsv.exitCode()).isZero();
        assertThat(fromCsv.out()).contains("row 2: left renal mass, likely carcinoma", "row 4: lingular nodule")
                .containsPattern("uncertain\\s+carcinoma").doesNotContain("parent of");
        assertThat(fromCsv.err()).contains("row 3: column 'sentence' is empty");

        Run noColumn = run("mine-labels", csv.toString());
        assertThat(noColumn.exitCode()).isEqualTo(2);
        assertThat(noColumn.err()).contains("no 'text' column");

        Run fromJson = run("mine-labels", handLabeledDev().toString(), "--json");
        assertThat(fromJson.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(fromJson.out())).hasSize(150);
    }

    @Test
    void evaluatesOnTheHandLabelledDevSet() {
        Run run = run("eval-labels", "--gold", handLabeledDev().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("150 sentences", "micro", "macro", "body part micro", "type macro",
                "attribute micro", "micro, relevant only", "plain lexicon (baseline)", "without context rules",
                "Labels with most errors", "'infarction' is not an ontology name");
    }

    @Test
    void printsTheSameFiguresAsJson() throws IOException {
        Run run = run("eval-labels", "--gold", handLabeledDev().toString(), "--json", "--labels", "model");
        assertThat(run.exitCode()).isZero();
        JsonNode figures = new ObjectMapper().readTree(run.out());
        JsonNode micro = figures.get("scores").get("overall").get("micro");
        assertThat(micro.get("f1").asDouble()).isGreaterThanOrEqualTo(0.96);
        assertThat(micro.get("precision").asDouble()).isGreaterThanOrEqualTo(0.97);
        assertThat(figures.get("scores").get("labelScope").asText()).isEqualTo("model");
        assertThat(figures.get("scores").get("byClass")).hasSize(3);
        assertThat(figures.get("relevantOnly").get("micro").get("recall").asDouble())
                .isLessThan(micro.get("recall").asDouble());
        assertThat(figures.get("steps").get("plain lexicon (baseline)").get("micro").get("f1").asDouble())
                .isLessThan(micro.get("f1").asDouble());
    }

    @Test
    void requiresAReadableGoldFile(@TempDir Path dir) throws IOException {
        Run missingOption = run("eval-labels");
        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("--gold");

        Run missingFile = run("eval-labels", "--gold", dir.resolve("nope.json").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("nope.json does not exist");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"text\": 1}");
        Run notArray = run("eval-labels", "--gold", broken.toString());
        assertThat(notArray.exitCode()).isEqualTo(2);
        assertThat(notArray.err()).contains("broken.json: expected a JSON array");
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("mine-labels", "--help").out()).contains("Examples:", "lesion-search mine-labels --text");
        assertThat(run("eval-labels", "--help").out()).contains("Examples:", "--gold");
    }
}
