package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.indexer.synth.output.StudyRecord;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/** With full volumes every slice of every study is rendered and the slice ranges cover the series. */
class FullVolumeTest {

    @Test
    void fullVolumesWriteEverySlice() throws IOException {
        CohortPlanner planner = new CohortPlanner(9);
        // a patient scanned with thick slices only keeps the test short
        int n = IntStream.range(0, 200).filter(k -> planner.plan(k).studies().stream()
                .allMatch(s -> s.thickness() >= 5)).findFirst().orElseThrow();
        PatientPlan patient = planner.plan(n);
        SynthOptions options = SynthOptions.defaults(n + 1, 9).withFullVolumes(true);
        PatientGenerator.Result result = new PatientGenerator(options, LesionOntology.lesaNet())
                .generate(patient, new SliceRenderer(512, 512), null);
        int expected = patient.studies().stream().mapToInt(StudyPlan::sliceCount).sum();
        assertThat(result.slices()).isEqualTo(expected);
        for (StudyRecord s : result.studies()) {
            assertThat(s.slicesWritten()).hasSize(s.sliceCount()).startsWith(1).endsWith(s.sliceCount());
        }
        for (GroundTruthRecord r : result.lesions()) {
            assertThat(r.sliceRange()).containsExactly(1, patient.study(r.studyIndex()).sliceCount());
        }
    }
}
