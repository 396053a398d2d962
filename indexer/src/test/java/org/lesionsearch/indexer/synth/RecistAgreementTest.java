package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.anatomy.SliceCanvas;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/**
 * The radiologist's RECIST diameters agree with the lesion as drawn in the key slice, within the
 * annotation noise; the key slice is where the lesion is.
 */
class RecistAgreementTest {

    @Test
    void measuredDiametersMatchTheDrawnLesion() throws IOException {
        SynthOptions options = SynthOptions.defaults(4, 31).withNeighbours(0);
        PatientGenerator generator = new PatientGenerator(options, LesionOntology.lesaNet());
        CohortPlanner planner = new CohortPlanner(options.seed());
        SliceRenderer renderer = new SliceRenderer(512, 512);
        List<double[]> errors = new ArrayList<>();
        for (int n = 0; n < options.patients(); n++) {
            PatientPlan patient = planner.plan(n);
            PatientGenerator.Result result = generator.generate(patient, renderer, null);
            for (GroundTruthRecord r : result.lesions()) {
                StudyPlan study = patient.study(r.studyIndex());
                SliceCanvas canvas = renderer.paint(patient, study, r.keySlice());
                int track = trackIndex(patient, r.instanceId());
                double drawnLongPx = feret(canvas, (short) (track + 1));
                double measuredLongPx = r.measuredLongAxisMm() / study.pixelSpacing();
                double trueLongPx = r.trueLongAxisMm() / study.pixelSpacing();
                assertThat(drawnLongPx).as("%s is drawn on its key slice", r.lesionId()).isGreaterThan(0);
                // the drawn mask holds pixel centres inside the outline: up to about 2 pixels shorter;
                // spicules reach beyond the lesion's body, which alone RECIST measures
                boolean spiculated = patient.tracks().get(track).design().shape().spicules() > 0;
                assertThat(trueLongPx - drawnLongPx).as("true vs drawn long axis of %s: %s", r.lesionId(), r.sentence())
                        .isBetween(spiculated ? -0.8 * trueLongPx : -0.5, 2.5 + 0.03 * trueLongPx);
                if (!r.possiblyNoisy()) {
                    assertThat(Math.abs(measuredLongPx - drawnLongPx)).as("measured vs drawn long axis of %s", r.lesionId())
                            .isLessThan(3.0 + 0.12 * drawnLongPx);
                }
                assertThat(r.measuredShortAxisMm()).isLessThanOrEqualTo(r.measuredLongAxisMm());
                errors.add(new double[] {measuredLongPx - trueLongPx, trueLongPx});
            }
        }
        assertThat(errors).hasSizeGreaterThan(20);
        double meanError = errors.stream().mapToDouble(e -> e[0]).average().orElseThrow();
        double meanAbsRelative = errors.stream().mapToDouble(e -> Math.abs(e[0]) / e[1]).average().orElseThrow();
        assertThat(meanError).as("hand measurements are unbiased on average (px)").isBetween(-1.0, 1.0);
        assertThat(meanAbsRelative).as("but not exact").isBetween(0.005, 0.1);
    }

    private static int trackIndex(PatientPlan patient, String instanceId) {
        for (int k = 0; k < patient.tracks().size(); k++) {
            if (patient.tracks().get(k).instanceId().equals(instanceId)) {
                return k;
            }
        }
        throw new AssertionError("no lesion instance " + instanceId);
    }

    /** Longest distance between two pixel centres of a lesion in the canvas's lesion map. */
    private static double feret(SliceCanvas canvas, short id) {
        List<int[]> pixels = new ArrayList<>();
        short[] map = canvas.lesion();
        for (int i = 0; i < map.length; i++) {
            if (map[i] == id) {
                pixels.add(new int[] {i % canvas.width(), i / canvas.width()});
            }
        }
        double best = 0;
        for (int a = 0; a < pixels.size(); a++) {
            for (int b = a + 1; b < pixels.size(); b++) {
                double dx = pixels.get(a)[0] - pixels.get(b)[0], dy = pixels.get(a)[1] - pixels.get(b)[1];
                best = Math.max(best, dx * dx + dy * dy);
            }
        }
        return pixels.isEmpty() ? 0 : Math.sqrt(best);
    }
}
