package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.ontology.LesionOntology;

/** A seed fixes every file, whatever the thread count; another seed gives another cohort. */
class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameFilesWhateverTheThreads() throws IOException {
        SynthOptions options = SynthOptions.defaults(2, 77).withNeighbours(1);
        new CohortGenerator(options.withThreads(1), LesionOntology.lesaNet()).generate(tmp.resolve("a"), null);
        new CohortGenerator(options.withThreads(3), LesionOntology.lesaNet()).generate(tmp.resolve("b"), null);
        Map<String, String> a = digests(tmp.resolve("a")), b = digests(tmp.resolve("b"));
        assertThat(a).hasSizeGreaterThan(10).containsKeys("DL_info.csv", "ground_truth.jsonl", "studies.jsonl");
        assertThat(b).isEqualTo(a);
    }

    @Test
    void anotherSeedAnotherCohort() throws IOException {
        SynthOptions options = SynthOptions.defaults(1, 77).withNeighbours(0);
        new CohortGenerator(options, LesionOntology.lesaNet()).generate(tmp.resolve("a"), null);
        new CohortGenerator(SynthOptions.defaults(1, 78).withNeighbours(0), LesionOntology.lesaNet())
                .generate(tmp.resolve("b"), null);
        assertThat(Files.readString(tmp.resolve("b/DL_info.csv"))).isNotEqualTo(Files.readString(tmp.resolve("a/DL_info.csv")));
    }

    @Test
    void aPatientIsTheSameWhateverElseIsGenerated() {
        PatientPlan alone = new CohortPlanner(5).plan(3);
        CohortPlanner planner = new CohortPlanner(5);
        for (int n = 0; n < 3; n++) {
            planner.plan(n);
        }
        PatientPlan afterOthers = planner.plan(3);
        assertThat(afterOthers.tracks()).hasSameSizeAs(alone.tracks());
        SliceRenderer renderer = new SliceRenderer(512, 512);
        var study = alone.study(1);
        int slice = study.nearestSlice(alone.anatomy().landmarks().liverDome() + 40);
        short[] first = renderer.render(alone, study, slice);
        short[] second = renderer.render(afterOthers, afterOthers.study(1), slice);
        assertThat(second).isEqualTo(first);
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
