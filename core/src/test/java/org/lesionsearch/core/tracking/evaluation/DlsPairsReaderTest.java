package org.lesionsearch.core.tracking.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.Lesion;

/** The real DLS validation pairs, read into lesion records and scored. */
class DlsPairsReaderTest {

    static Path dlsFile() {
        String shared = System.getProperty("lesionsearch.shared", "../shared");
        return Path.of(shared, "data", "tracking", "dls_valid.json");
    }

    @Test
    void readsEveryDistinctLesionOfThePairs() throws IOException {
        GroundTruthCohort cohort = new DlsPairsReader().read(dlsFile());
        assertThat(cohort.lesions()).hasSize(711);
        assertThat(cohort.lesions().stream().map(Lesion::patientId).distinct()).hasSize(105);
        assertThat(cohort.pairs()).hasSize(453);
        assertThat(cohort.complete()).isFalse();
        // Pair 0001: 000004_02_01_007-019 centre (66.3, 208.7, 6) at 0.585938 mm, slice 7 + 6 = 13 of 5 mm.
        Lesion first = cohort.lesions().stream().filter(l -> l.id().value().equals("000004_02_01_013_1")).findFirst()
                .orElseThrow();
        assertThat(first.patientId()).isEqualTo("000004");
        assertThat(first.studyId()).isEqualTo("000004_02");
        assertThat(first.keySlice()).isEqualTo(13);
        assertThat(first.sizeMm()).isEqualTo(34.4);
        assertThat(first.recist().shortAxisMm()).isEqualTo(29.3);
        assertThat(first.location().x()).isCloseTo(0.5 + (66.3 - 256) * 0.585938 / 1000, within(1e-9));
        assertThat(first.location().z()).isCloseTo(13 * 5.0 / 1000, within(1e-9));
    }

    @Test
    void matchingOnTheListedPairsIsMostlyRight() throws IOException {
        MatchingReport r = new MatchingEvaluator(DlsPairsReader.matchModel()).evaluate(new DlsPairsReader().read(dlsFile()));
        assertThat(r.queries()).isEqualTo(852);
        assertThat(r.top1Accuracy()).isGreaterThan(0.94).isGreaterThan(r.nearestTop1Accuracy());
        assertThat(r.removedFalseMatchRate()).isLessThan(0.25);
        assertThat(r.absentQueries()).isZero();
    }

    @Test
    void aBrokenPairIsAnErrorNamingThePairAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pairs.json");
        Files.writeString(file, """
                {"0001": {"source": "000004_02_01_007-019.nii.gz", "target": "000004_03_01_002-014.nii.gz",
                  "source center": [66.3, 208.7, 6.0], "target center": [92.3, 277.1],
                  "source spacing": [0.5, 0.5, 5], "target spacing": [0.5, 0.5, 5],
                  "source recist diameter": [34.4, 29.3], "target recist diameter": [21.7, 16.6],
                  "source recist box": [1, 2, 3, 4], "target recist box": [1, 2, 3, 4]}}
                """);
        assertThatThrownBy(() -> new DlsPairsReader().read(file)).isInstanceOf(IOException.class)
                .hasMessage("pairs.json pair 0001: field 'target center' must be a list of 3 numbers");
        Files.writeString(file, "{\"7\": {\"source\": \"scan.nii.gz\"}}");
        assertThatThrownBy(() -> new DlsPairsReader().read(file)).isInstanceOf(IOException.class)
                .hasMessage("pairs.json pair 7: 'source' is 'scan.nii.gz', not <patient>_<study>_<series>_<first>-<last>.nii.gz");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> new DlsPairsReader().read(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": expected a JSON object of numbered pairs");
    }
}
