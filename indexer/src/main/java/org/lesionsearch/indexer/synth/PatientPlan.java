package org.lesionsearch.indexer.synth;

import java.time.LocalDate;
import java.util.List;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.synth.anatomy.Anatomy;
import org.lesionsearch.indexer.synth.lesion.LesionTrack;
import org.lesionsearch.indexer.synth.lesion.PatientCourse;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/**
 * Everything decided about one synthetic patient before any pixel is drawn.
 *
 * @param patientIndex DeepLesion-style patient number (synthetic patients count from 900001)
 * @param split DeepLesion's {@code Train_Val_Test}: 1 train, 2 validation, 3 test
 */
public record PatientPlan(int patientIndex, Seed seed, Sex sex, LocalDate birthDate, PatientCourse course,
                          int split, Anatomy anatomy, List<StudyPlan> studies, List<LesionTrack> tracks) {

    public PatientPlan {
        studies = List.copyOf(studies);
        tracks = List.copyOf(tracks);
    }

    /** The patient as DeepLesion writes it, six digits. */
    public String patientKey() {
        return String.format(java.util.Locale.ROOT, "%06d", patientIndex);
    }

    public StudyPlan study(int index) {
        return studies.get(index - 1);
    }
}
