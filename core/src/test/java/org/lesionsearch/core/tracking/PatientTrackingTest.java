package org.lesionsearch.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/** Matching and tracks over a real Lucene index. */
class PatientTrackingTest {

    @Test
    void matchesAndTracksComeFromTheIndexedPatient(@TempDir Path dir) {
        SimulatedCohort cohort = new SimulatedCohort(21, 3, 0.02, 0.008);
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            assertThat(index.upsert(cohort.lesions).rejected()).isEmpty();
            index.commit();
            PatientTracking tracking = new PatientTracking(index, MatchModel.defaults());
            String patient = cohort.patients().getFirst();
            List<Lesion> lesions = cohort.of(patient);
            Lesion query = lesions.getFirst();

            PatientTracking.LesionMatches m = tracking.matches(query.id());
            assertThat(m.lesion().id()).isEqualTo(query.id());
            long otherStudies = lesions.stream().map(Lesion::studyId).distinct().count() - 1;
            assertThat(m.studies()).hasSize((int) otherStudies)
                    .allSatisfy(s -> assertThat(s.studyId()).isNotEqualTo(query.studyId()));
            for (StudyMatches s : m.studies()) {
                String truth = cohort.counterpart(query, new StudyLesions(s.studyId(), s.studyDate(),
                        lesions.stream().filter(l -> l.studyId().equals(s.studyId())).toList()));
                if (truth != null) {
                    assertThat(s.match()).hasValueSatisfying(c -> assertThat(c.lesion().id().value()).isEqualTo(truth));
                }
            }

            PatientTracks tracks = tracking.tracks(patient);
            assertThat(tracks.tracks().stream().mapToInt(t -> t.points().size()).sum()).isEqualTo(lesions.size());
            assertThat(tracks.assessments()).hasSize(tracks.studies().size());
        }
    }

    @Test
    void unknownLesionsAndPatientsAreNotFound(@TempDir Path dir) {
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            PatientTracking tracking = new PatientTracking(index, MatchModel.defaults());
            assertThatThrownBy(() -> tracking.matches(LesionId.of("nobody"))).isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no lesion with id nobody");
            assertThatThrownBy(() -> tracking.tracks("P404")).isInstanceOf(NoSuchElementException.class)
                    .hasMessage("no lesions of patient P404");
        }
    }
}
