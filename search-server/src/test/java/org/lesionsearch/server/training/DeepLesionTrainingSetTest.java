package org.lesionsearch.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.inference.Architecture;
import org.lesionsearch.models.training.Split;
import org.lesionsearch.models.training.TrainingData;
import org.lesionsearch.models.training.TrainingLesion;

/** Reads the real DeepLesion sample (key slices only) into training data. */
class DeepLesionTrainingSetTest {

    private static Path shared() {
        String dir = System.getProperty("lesionsearch.shared");
        return dir != null ? Path.of(dir) : Path.of("..", "shared");
    }

    @Test
    void readsTheRealSampleWithLabelsMinedFromASidecarSentence(@TempDir Path tmp) throws Exception {
        Path sidecar = tmp.resolve("sentences.jsonl");
        Files.writeString(sidecar, """
                {"lesion_id": "000069_02_01_058_1", "sentence": "Hypodense lesion in the right hepatic lobe BOOKMARK (2.1 cm x 1.6 cm); no evidence of lung nodule.", "instance": "a"}
                not json at all
                """);
        LesionAnnotations annotations = LesionAnnotations.read(sidecar);
        assertThat(annotations.problems()).singleElement().asString().contains("line 2");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Architecture design = Architecture.slim();
        TrainingData data = new DeepLesionTrainingSet(design.input(), Architecture.REGION,
                DeepLesionTrainingSet.LabelSource.MINED, 5, new PrintStream(log, true, StandardCharsets.UTF_8))
                .load(shared().resolve("data/deeplesion"), annotations, LesionOntology.lesaNet(), 0);

        assertThat(data.lesions()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(data.volumes()).isEmpty(); // key slices only: nothing for SSBR
        assertThat(data.lesions()).allSatisfy(l -> {
            assertThat(l.split()).isEqualTo(Split.VALIDATION);
            assertThat(l.sizeMm()).isBetween(1.0, 400.0);
            assertThat(l.patches().neighboursPresent()).isFalse();
            assertThat(design.input().problemWith(l.patches())).isEmpty();
        });
        TrainingLesion liver = data.lesions().stream().filter(l -> l.key().equals("000069_02_01_058_1")).findFirst().orElseThrow();
        assertThat(liver.labels()).contains("liver", "hypoattenuation").doesNotContain("lung", "nodule");
        assertThat(liver.instance()).isEqualTo("a");
        assertThat(data.lesions()).extracting(TrainingLesion::type).doesNotContainNull().contains(CoarseType.LIVER);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("without images");
    }
}
