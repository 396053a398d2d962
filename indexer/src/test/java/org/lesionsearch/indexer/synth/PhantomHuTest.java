package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lesionsearch.indexer.synth.anatomy.Landmarks;
import org.lesionsearch.indexer.synth.anatomy.Organ;
import org.lesionsearch.indexer.synth.anatomy.SliceCanvas;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/** The phantom's Hounsfield units per organ, its noise, its geometry and where organs lie. */
class PhantomHuTest {

    private static final CohortPlanner PLANNER = new CohortPlanner(5);

    /** Mean noise-free HU of each organ's pixels outside lesions, and pixel centroids. */
    private record OrganStats(Map<Organ, double[]> sums) {
        double mean(Organ o) {
            double[] s = sums.get(o);
            return s[0] / s[1];
        }

        int count(Organ o) {
            return sums.containsKey(o) ? (int) sums.get(o)[1] : 0;
        }

        double max(Organ o) {
            return sums.get(o)[3];
        }

        double centroidColumn(Organ o) {
            double[] s = sums.get(o);
            return s[2] / s[1];
        }
    }

    private static OrganStats stats(SliceCanvas canvas) {
        Map<Organ, double[]> sums = new EnumMap<>(Organ.class);
        float[] hu = canvas.hu();
        byte[] organ = canvas.organ();
        short[] lesion = canvas.lesion();
        for (int i = 0; i < hu.length; i++) {
            if (lesion[i] == 0) {
                double[] s = sums.computeIfAbsent(Organ.of(organ[i]), o -> new double[] {0, 0, 0, -Double.MAX_VALUE});
                s[0] += hu[i];
                s[1]++;
                s[2] += i % canvas.width();
                s[3] = Math.max(s[3], hu[i]);
            }
        }
        return new OrganStats(sums);
    }

    private static OrganStats at(PatientPlan patient, double s, SliceRenderer renderer) {
        StudyPlan study = patient.study(1);
        return stats(renderer.paint(patient, study, study.nearestSlice(s)));
    }

    @Test
    void organsHaveTheirHounsfieldUnitsAtEveryLevel() {
        SliceRenderer renderer = new SliceRenderer(512, 512);
        for (int n = 0; n < 4; n++) {
            PatientPlan patient = PLANNER.plan(n);
            Landmarks lm = patient.anatomy().landmarks();
            OrganStats chest = at(patient, lm.carina() + 25, renderer);
            assertThat(chest.count(Organ.LUNG)).as("lung pixels in the chest of patient %d", n).isGreaterThan(8000);
            assertThat(chest.mean(Organ.LUNG)).as("lung").isBetween(-850.0, -780.0);
            assertThat(chest.mean(Organ.OUTSIDE)).as("air").isEqualTo(-1000.0);
            assertThat(chest.mean(Organ.SUBCUTANEOUS_FAT)).as("fat").isBetween(-101.0, -99.0);
            assertThat(chest.mean(Organ.MUSCLE)).as("muscle").isBetween(39.0, 41.0);
            // a slice may cut a disc (80 HU) rather than a vertebral body (marrow and cortex)
            assertThat(chest.mean(Organ.VERTEBRA)).as("vertebra").isBetween(80.0, 1200.0);
            assertThat(chest.max(Organ.RIB)).as("rib cortex").isEqualTo(1100.0);
            assertThat(chest.count(Organ.RIB)).as("ribs").isGreaterThan(100);
            assertThat(chest.count(Organ.HEART) + chest.count(Organ.AORTA)).as("heart and aorta").isGreaterThan(500);

            OrganStats upper = at(patient, lm.liverDome() + 60, renderer);
            assertThat(upper.count(Organ.LIVER)).as("liver pixels").isGreaterThan(5000);
            assertThat(upper.mean(Organ.LIVER)).as("liver").isBetween(59.0, 61.0);
            assertThat(upper.mean(Organ.SPLEEN)).as("spleen").isBetween(49.0, 51.0);
            assertThat(upper.centroidColumn(Organ.LIVER)).as("the liver lies on the patient's right, the image's left")
                    .isLessThan(upper.centroidColumn(Organ.SPLEEN));

            OrganStats kidneys = at(patient, (lm.lungBase() + lm.iliacCrest()) / 2, renderer);
            assertThat(kidneys.count(Organ.KIDNEY)).as("kidney pixels").isGreaterThan(1000);
            assertThat(kidneys.mean(Organ.KIDNEY)).as("kidney, cortex and medulla").isBetween(26.0, 34.0);

            OrganStats pelvis = at(patient, lm.pubis() - 30, renderer);
            assertThat(pelvis.count(Organ.PELVIC_BONE) + pelvis.count(Organ.FEMUR)).as("pelvic bones").isGreaterThan(500);
            assertThat(pelvis.mean(Organ.PELVIC_BONE)).as("pelvic bone").isBetween(120.0, 1200.0);
        }
    }

    @Test
    void noiseHasTheStudysStandardDeviation() {
        SliceRenderer renderer = new SliceRenderer(512, 512);
        for (int n = 0; n < 3; n++) {
            PatientPlan patient = PLANNER.plan(n);
            StudyPlan study = patient.study(1);
            int slice = study.nearestSlice(patient.anatomy().landmarks().liverDome() + 70);
            short[] noisy = renderer.render(patient, study, slice);
            SliceCanvas clean = renderer.canvas();
            byte liver = Organ.LIVER.code();
            byte[] organ = clean.organ();
            int w = clean.width();
            double sum = 0, sum2 = 0;
            int count = 0;
            for (int j = 2; j < clean.height() - 2; j++) {
                for (int i = 2; i < w - 2; i++) {
                    boolean interior = true;
                    for (int dj = -2; dj <= 2 && interior; dj++) {
                        for (int di = -2; di <= 2 && interior; di++) {
                            int k = (j + dj) * w + i + di;
                            interior = organ[k] == liver && clean.lesion()[k] == 0;
                        }
                    }
                    if (interior) {
                        double d = noisy[j * w + i] - clean.hu()[j * w + i];
                        sum += d;
                        sum2 += d * d;
                        count++;
                    }
                }
            }
            double sd = Math.sqrt(sum2 / count - (sum / count) * (sum / count));
            assertThat(count).isGreaterThan(2000);
            assertThat(study.noiseSigma()).isBetween(10.0, 25.0);
            assertThat(sd).as("noise of patient %d", n).isCloseTo(study.noiseSigma(), org.assertj.core.data.Percentage.withPercentage(12));
        }
    }

    @Test
    void studiesSampleTheBodyLikeACtScanner() {
        for (int n = 0; n < 30; n++) {
            PatientPlan patient = PLANNER.plan(n);
            assertThat(patient.studies()).hasSizeBetween(1, 6);
            for (StudyPlan study : patient.studies()) {
                assertThat(study.pixelSpacing()).isBetween(0.6, 0.9);
                assertThat(study.thickness()).isBetween(1.0, 5.0);
                assertThat(study.noiseSigma()).isBetween(10.0, 25.0);
                assertThat(study.sliceS(1)).isLessThan(patient.anatomy().landmarks().lungApex());
                assertThat(study.sliceS(study.sliceCount())).isGreaterThan(patient.anatomy().landmarks().pubis());
            }
        }
    }
}
