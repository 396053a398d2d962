package org.lesionsearch.core.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.lesion.Lesion;

/** The lesions measured in one study of a patient, ordered by id. */
public record StudyLesions(String studyId, LocalDate date, List<Lesion> lesions) {

    /** Study order: by date (undated studies after dated ones), then by study id. */
    public static final Comparator<StudyLesions> CHRONOLOGICAL = Comparator
            .comparing(StudyLesions::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StudyLesions::studyId);

    public StudyLesions {
        lesions = lesions.stream().sorted(Comparator.comparing(Lesion::id)).toList();
    }

    /** A patient's lesions grouped by study, in chronological order. */
    public static List<StudyLesions> group(List<Lesion> patientLesions) {
        Map<String, List<Lesion>> byStudy = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (Lesion l : patientLesions) {
            byStudy.computeIfAbsent(l.studyId(), k -> new ArrayList<>()).add(l);
            if (l.studyDate() != null) {
                dates.putIfAbsent(l.studyId(), l.studyDate());
            }
        }
        List<StudyLesions> studies = new ArrayList<>();
        byStudy.forEach((id, lesions) -> studies.add(new StudyLesions(id, dates.get(id), lesions)));
        studies.sort(CHRONOLOGICAL);
        return studies;
    }
}
