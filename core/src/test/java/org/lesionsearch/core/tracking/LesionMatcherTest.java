package org.lesionsearch.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;

class LesionMatcherTest {

    private final LesionMatcher matcher = new LesionMatcher(MatchModel.defaults());

    private static Lesion lesion(String id, String study, double x, double y, double z, double size) {
        return Lesion.builder(id).patientId("P").studyId(study).location(new BodyLocation(x, y, z))
                .recist(Recist.of(size, size / 2)).coarseType(CoarseType.LIVER).build();
    }

    @Test
    void theNearLesionOfPlausibleSizeWinsAndProbabilitiesSumToOne() {
        Lesion query = lesion("a1", "A", 0.40, 0.50, 0.50, 20);
        List<Lesion> patient = List.of(query, lesion("a2", "A", 0.70, 0.40, 0.55, 12),
                lesion("b1", "B", 0.41, 0.51, 0.50, 22), lesion("b2", "B", 0.70, 0.41, 0.56, 11),
                lesion("b3", "B", 0.20, 0.80, 0.20, 40));
        StudyMatches m = matcher.matches(query, patient).getFirst();
        assertThat(m.studyId()).isEqualTo("B");
        assertThat(m.match()).hasValueSatisfying(c -> assertThat(c.lesion().id().value()).isEqualTo("b1"));
        assertThat(m.candidates().getFirst().probability()).isGreaterThan(0.9);
        assertThat(m.candidates().stream().mapToDouble(MatchCandidate::probability).sum() + m.noMatchProbability())
                .isCloseTo(1.0, within(1e-9));
        MatchEvidence e = m.candidates().getFirst().evidence();
        assertThat(e.sizeRatio()).isCloseTo(1.1, within(1e-9));
        assertThat(e.sameCoarseType()).isTrue();
        assertThat(e.cosine()).isNaN();
    }

    @Test
    void aShiftedPatientIsAlignedBeforeMatching() {
        // Study B is the same three lesions moved by (0.08, -0.06, 0.1): larger than lesion spacing noise.
        List<Lesion> patient = List.of(lesion("a1", "A", 0.30, 0.50, 0.40, 20), lesion("a2", "A", 0.40, 0.50, 0.40, 20),
                lesion("a3", "A", 0.60, 0.40, 0.60, 15),
                lesion("b1", "B", 0.38, 0.44, 0.50, 20), lesion("b2", "B", 0.48, 0.44, 0.50, 20),
                lesion("b3", "B", 0.68, 0.34, 0.70, 15));
        StudyMatches m = matcher.matches(patient.get(0), patient).getFirst();
        assertThat(m.alignment().dx()).isCloseTo(0.08, within(0.015));
        assertThat(m.alignment().dz()).isCloseTo(0.10, within(0.015));
        assertThat(m.match()).hasValueSatisfying(c -> assertThat(c.lesion().id().value()).isEqualTo("b1"));
    }

    @Test
    void oneLesionIsNotClaimedByTwo() {
        // Both lesions of A would take b1 on their own; matched jointly only the closer one does.
        List<Lesion> a = List.of(lesion("a1", "A", 0.40, 0.50, 0.50, 20), lesion("a2", "A", 0.45, 0.50, 0.50, 20));
        StudyLesions b = new StudyLesions("B", null, List.of(lesion("b1", "B", 0.405, 0.50, 0.50, 20)));
        List<StudyMatches> m = matcher.matchStudy(a, b, Translation.NONE);
        assertThat(m.get(0).match()).hasValueSatisfying(c -> assertThat(c.lesion().id().value()).isEqualTo("b1"));
        assertThat(m.get(1).match()).isEmpty();
        assertThat(m.get(0).candidates().getFirst().probability() + m.get(1).candidates().getFirst().probability())
                .isLessThanOrEqualTo(1.0 + 1e-6);
        for (StudyMatches s : m) {
            assertThat(s.candidates().getFirst().probability() + s.noMatchProbability()).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void nothingPlausibleMeansNoMatch() {
        Lesion query = lesion("a1", "A", 0.40, 0.50, 0.50, 20);
        List<Lesion> patient = List.of(query, lesion("b1", "B", 0.80, 0.20, 0.90, 60));
        StudyMatches m = matcher.matches(query, patient).getFirst();
        assertThat(m.match()).isEmpty();
        assertThat(m.noMatchProbability()).isGreaterThan(0.9);
    }

    @Test
    void anEmbeddingCloseToTheQueryOutweighsADistantOne() {
        float[] e1 = unit(1, 0), e2 = unit(0, 1), near = unit(0.95, 0.312);
        Lesion query = Lesion.builder("a1").patientId("P").studyId("A").embedding(e1).build();
        List<Lesion> patient = List.of(query,
                Lesion.builder("b1").patientId("P").studyId("B").embedding(e2).build(),
                Lesion.builder("b2").patientId("P").studyId("B").embedding(near).build());
        StudyMatches m = matcher.matches(query, patient).getFirst();
        assertThat(m.candidates().getFirst().lesion().id().value()).isEqualTo("b2");
        assertThat(m.candidates().getFirst().evidence().cosine()).isCloseTo(0.95, within(1e-3));
    }

    @Test
    void topOneAccuracyOnASimulatedCohortIsHigh() {
        SimulatedCohort cohort = new SimulatedCohort(11, 80, 0.02, 0.008);
        int queries = 0, correct = 0;
        for (String patient : cohort.patients()) {
            List<StudyLesions> studies = StudyLesions.group(cohort.of(patient));
            for (StudyLesions from : studies) {
                for (StudyLesions to : studies) {
                    if (from == to) {
                        continue;
                    }
                    List<StudyMatches> all = matcher.matchStudy(from.lesions(), to);
                    for (int i = 0; i < from.lesions().size(); i++) {
                        String truth = cohort.counterpart(from.lesions().get(i), to);
                        if (truth != null) {
                            queries++;
                            if (all.get(i).candidates().getFirst().lesion().id().value().equals(truth)) {
                                correct++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(queries).isGreaterThan(1000);
        assertThat((double) correct / queries).isGreaterThan(0.95);
    }

    private static float[] unit(double a, double b) {
        float[] v = new float[8];
        double n = Math.sqrt(a * a + b * b);
        v[0] = (float) (a / n);
        v[1] = (float) (b / n);
        return v;
    }
}
