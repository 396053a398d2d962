package org.lesionsearch.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;

class TrackBuilderTest {

    private final TrackBuilder builder = new TrackBuilder(new LesionMatcher(MatchModel.defaults()), new RecistAssessor());

    @Test
    void tracksOfASimulatedCohortArePureAndTakeOneLesionPerStudy() {
        SimulatedCohort cohort = new SimulatedCohort(5, 80, 0.02, 0.008);
        long lesions = 0, majority = 0;
        for (String patient : cohort.patients()) {
            List<Lesion> patientLesions = cohort.of(patient);
            PatientTracks tracks = builder.build(patient, patientLesions);
            Set<String> seen = new HashSet<>();
            for (Track t : tracks.tracks()) {
                Set<String> studies = new HashSet<>();
                Map<String, Integer> instances = new HashMap<>();
                for (TrackPoint p : t.points()) {
                    assertThat(studies.add(p.studyId())).as("one lesion per study in %s", t.id()).isTrue();
                    assertThat(seen.add(p.lesion().id().value())).as("each lesion in one track").isTrue();
                    instances.merge(cohort.instanceOf.get(p.lesion().id().value()), 1, Integer::sum);
                }
                lesions += t.points().size();
                majority += instances.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            }
            assertThat(seen).hasSize(patientLesions.size());
        }
        assertThat((double) majority / lesions).as("track purity").isGreaterThan(0.95);
    }

    @Test
    void tracksFollowStudyOrderAndNameNewLesions() {
        LocalDate d = LocalDate.of(2021, 3, 1);
        List<Lesion> lesions = List.of(
                lesion("b2", "S2", d.plusDays(90), 0.30, 0.40, 0.50, 25),
                lesion("a1", "S1", d, 0.30, 0.40, 0.50, 30),
                lesion("b1", "S2", d.plusDays(90), 0.70, 0.70, 0.20, 8),
                lesion("c1", "S3", d.plusDays(180), 0.30, 0.40, 0.51, 20));
        PatientTracks p = builder.build("P", lesions);
        assertThat(p.studies()).extracting(PatientTracks.Study::studyId).containsExactly("S1", "S2", "S3");
        assertThat(p.tracks()).hasSize(2);
        Track first = p.tracks().getFirst();
        assertThat(first.id()).isEqualTo("T1");
        assertThat(first.target()).isTrue();
        assertThat(first.points()).extracting(tp -> tp.lesion().id().value()).containsExactly("a1", "b2", "c1");
        assertThat(first.points().get(1).linkProbability()).isGreaterThan(0.9);
        assertThat(p.tracks().get(1).points()).extracting(tp -> tp.lesion().id().value()).containsExactly("b1");
        assertThat(p.assessments()).extracting(ResponseAssessment::response)
                .containsExactly(null, RecistResponse.PD, RecistResponse.PR);
        assertThat(p.assessments().get(1).newLesions()).extracting(Object::toString).containsExactly("b1");
    }

    private static Lesion lesion(String id, String study, LocalDate date, double x, double y, double z, double size) {
        return Lesion.builder(id).patientId("P").studyId(study).studyDate(date).location(new BodyLocation(x, y, z))
                .recist(Recist.of(size, size * 0.6)).coarseType(CoarseType.LIVER).build();
    }
}
