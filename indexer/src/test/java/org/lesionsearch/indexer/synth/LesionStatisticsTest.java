package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.synth.anatomy.Organ;
import org.lesionsearch.indexer.synth.lesion.LesionKind;
import org.lesionsearch.indexer.synth.lesion.LesionTrack;
import org.lesionsearch.indexer.synth.lesion.ResponsePattern;

/** Counts and sizes over the plans of a few hundred patients (no images drawn). */
class LesionStatisticsTest {

    private static final List<PatientPlan> PATIENTS = new ArrayList<>();

    @BeforeAll
    static void plan() {
        CohortPlanner planner = new CohortPlanner(2024);
        for (int n = 0; n < 200; n++) {
            PATIENTS.add(planner.plan(n));
        }
    }

    private static List<double[]> measuredSizes() {
        List<double[]> out = new ArrayList<>();
        for (PatientPlan p : PATIENTS) {
            for (LesionTrack t : p.tracks()) {
                for (int s = 1; s <= p.studies().size(); s++) {
                    if (t.measured(s)) {
                        out.add(new double[] {t.design().finding().coarseType().code(), 2 * t.design().shape().a() * t.factor(s)});
                    }
                }
            }
        }
        return out;
    }

    @Test
    void cohortHasAboutThreeStudiesAndFifteenMeasurementsPerPatient() {
        int studies = PATIENTS.stream().mapToInt(p -> p.studies().size()).sum();
        List<double[]> measured = measuredSizes();
        assertThat(studies / (double) PATIENTS.size()).isBetween(2.6, 3.6);
        assertThat(measured.size() / (double) PATIENTS.size()).isBetween(11.0, 20.0);
        assertThat(PATIENTS.stream().mapToInt(p -> p.studies().size()).max().orElseThrow()).isEqualTo(6);
        assertThat(PATIENTS.stream().mapToInt(p -> p.studies().size()).min().orElseThrow()).isEqualTo(1);
    }

    @Test
    void sizesStayWithinDeepLesionsRangeWithItsMediansPerType() {
        Map<CoarseType, List<Double>> byType = new EnumMap<>(CoarseType.class);
        for (double[] m : measuredSizes()) {
            assertThat(m[1]).as("long axis in mm").isBetween(2.0, 81.0);
            byType.computeIfAbsent(CoarseType.fromCode((int) m[0]), t -> new ArrayList<>()).add(m[1]);
        }
        assertThat(byType.keySet()).as("all eight coarse types").hasSize(8);
        // medians of DeepLesion's validation split, per type, within a factor of 1.6
        Map<CoarseType, Double> deepLesion = Map.of(CoarseType.BONE, 14.0, CoarseType.ABDOMEN, 21.4,
                CoarseType.MEDIASTINUM, 17.7, CoarseType.LIVER, 21.9, CoarseType.LUNG, 12.0, CoarseType.KIDNEY, 18.1,
                CoarseType.SOFT_TISSUE, 20.2, CoarseType.PELVIS, 23.1);
        byType.forEach((type, sizes) -> {
            double median = sizes.stream().sorted().toList().get(sizes.size() / 2);
            System.out.printf("median long axis %-12s %5.1f mm over %d lesions (DeepLesion %.1f)%n", type, median,
                    sizes.size(), deepLesion.get(type));
            assertThat(median).as("median long axis of %s", type).isBetween(deepLesion.get(type) / 1.6, deepLesion.get(type) * 1.6);
        });
        List<Double> all = measuredSizes().stream().map(m -> m[1]).sorted().toList();
        assertThat(all.get(all.size() / 100)).as("1st percentile").isLessThan(6.0);
        assertThat(all.get(all.size() * 99 / 100)).as("99th percentile").isGreaterThan(45.0);
    }

    @Test
    void coarseTypesOccurRoughlyAsInDeepLesion() {
        Map<CoarseType, Integer> counts = new EnumMap<>(CoarseType.class);
        measuredSizes().forEach(m -> counts.merge(CoarseType.fromCode((int) m[0]), 1, Integer::sum));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(counts.get(CoarseType.LUNG) / (double) total).isBetween(0.12, 0.42);
        assertThat(counts.get(CoarseType.BONE) / (double) total).isBetween(0.005, 0.1);
        assertThat(counts.get(CoarseType.ABDOMEN) / (double) total).isBetween(0.08, 0.35);
    }

    @Test
    void lesionsLieInTheirOrgansAndFollowTheirPatterns() {
        int checked = 0;
        for (PatientPlan p : PATIENTS.subList(0, 60)) {
            for (LesionTrack t : p.tracks()) {
                var shape = t.design().shape();
                Organ at = p.anatomy().organAt(shape.x(), shape.y(), shape.s());
                switch (t.design().finding().kind()) {
                    case LUNG_NODULE -> assertThat(at).isIn(Organ.LUNG, Organ.LUNG_VESSEL);
                    case LIVER_LESION -> assertThat(at).isIn(Organ.LIVER, Organ.HEPATIC_VESSEL);
                    case KIDNEY_LESION -> assertThat(at).isIn(Organ.KIDNEY, Organ.RENAL_SINUS);
                    case SPLEEN_LESION -> assertThat(at).isEqualTo(Organ.SPLEEN);
                    default -> {
                    }
                }
                double[] f = t.factors();
                for (int s = 1; s < f.length; s++) {
                    if (f[s - 1] > 0 && f[s] > 0) {
                        switch (t.pattern()) {
                            case GROWING -> assertThat(f[s]).isGreaterThanOrEqualTo(f[s - 1] - 1e-9);
                            case SHRINKING, RESOLVING -> assertThat(f[s]).isLessThanOrEqualTo(f[s - 1] + 1e-9);
                            case STABLE -> assertThat(f[s] / f[s - 1]).isBetween(0.85, 1.15);
                        }
                    }
                }
                if (t.firstStudy() > 1) {
                    assertThat(f[0]).as("a new lesion is absent before it appears").isZero();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(PATIENTS.stream().flatMap(p -> p.tracks().stream()).map(LesionTrack::pattern).distinct())
                .containsExactlyInAnyOrder(ResponsePattern.values());
        assertThat(PATIENTS.stream().flatMap(p -> p.tracks().stream()).map(t -> t.design().finding().kind()).distinct())
                .containsExactlyInAnyOrder(LesionKind.values());
    }
}
