package org.lesionsearch.core.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;

class RecistAssessorTest {

    private final RecistAssessor recist = new RecistAssessor();
    private final List<PatientTracks.Study> studies = List.of(new PatientTracks.Study("S1", null, 0),
            new PatientTracks.Study("S2", null, 0), new PatientTracks.Study("S3", null, 0),
            new PatientTracks.Study("S4", null, 0));

    /** A target track with the given long axis per study ({@code null}: not seen). */
    private static Track target(String id, boolean node, Double... sizes) {
        List<TrackPoint> points = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            if (sizes[s] != null) {
                Lesion l = Lesion.builder(id + "_" + s).patientId("P").studyId("S" + (s + 1))
                        .recist(Recist.of(node ? sizes[s] * 1.5 : sizes[s], node ? sizes[s] : sizes[s] * 0.5))
                        .labels(node ? Set.of("lymph node") : Set.of()).build();
                points.add(new TrackPoint("S" + (s + 1), null, l, RecistAssessor.diameterMm(l, node), null));
            }
        }
        return new Track(id, true, node, points);
    }

    private List<RecistResponse> responses(Track... tracks) {
        return recist.assess(studies, List.of(tracks)).stream().map(ResponseAssessment::response).toList();
    }

    @Test
    void partialResponseThenProgressionFromTheNadir() {
        // sums: 50 -> 34 (-32%) -> 30 -> 36 (+20% and +6 mm over the nadir 30)
        List<ResponseAssessment> a = recist.assess(studies, List.of(target("T1", false, 30.0, 20.0, 18.0, 22.0),
                target("T2", false, 20.0, 14.0, 12.0, 14.0)));
        assertThat(a).extracting(ResponseAssessment::response).containsExactly(null, RecistResponse.PR, RecistResponse.PR,
                RecistResponse.PD);
        assertThat(a.get(1).changeFromBaseline()).isCloseTo(-0.32, within(1e-9));
        assertThat(a.get(3).changeFromNadir()).isCloseTo(0.2, within(1e-9));
        assertThat(a.get(3).reason()).isEqualTo("sum 36.0 mm is 20% (6.0 mm) above the nadir 30.0 mm");
    }

    @Test
    void twentyPercentIsNotEnoughWithoutFiveMillimetres() {
        // 20 -> 24: +20% but only +4 mm
        assertThat(responses(target("T1", false, 20.0, 24.0, 24.0, 24.0)))
                .containsExactly(null, RecistResponse.SD, RecistResponse.SD, RecistResponse.SD);
    }

    @Test
    void disappearanceOfEveryTargetIsCompleteResponseAndNodesMayStayBelowTenMillimetres() {
        assertThat(responses(target("T1", false, 30.0, 10.0, null, null), target("N1", true, 20.0, 12.0, 9.0, 8.0)))
                .containsExactly(null, RecistResponse.PR, RecistResponse.CR, RecistResponse.CR);
    }

    @Test
    void aNewLesionIsProgression() {
        Track fresh = new Track("T2", false, false, List.of(new TrackPoint("S3", null,
                Lesion.builder("new").patientId("P").studyId("S3").recist(Recist.of(6, 4)).build(), 6, null)));
        List<ResponseAssessment> a = recist.assess(studies, List.of(target("T1", false, 30.0, 20.0, 20.0, 20.0), fresh));
        assertThat(a).extracting(ResponseAssessment::response)
                .containsExactly(null, RecistResponse.PR, RecistResponse.PD, RecistResponse.PR);
        assertThat(a.get(2).newLesions()).extracting(Object::toString).containsExactly("new");
        assertThat(a.get(2).reason()).isEqualTo("1 new lesion");
    }

    @Test
    void withoutMeasurableTargetsOnlyNewLesionsCount() {
        assertThat(recist.assess(studies.subList(0, 2), List.of()))
                .extracting(ResponseAssessment::response).containsExactly(null, RecistResponse.NE);
    }

    @Test
    void targetsAreTheLargestMeasurableAtMostFiveAndTwoPerOrgan() {
        List<List<TrackPoint>> tracks = new ArrayList<>();
        List<Boolean> nodes = new ArrayList<>();
        double[] sizes = {50, 45, 40, 35, 30, 25, 20, 9};
        CoarseType[] organs = {CoarseType.LIVER, CoarseType.LIVER, CoarseType.LIVER, CoarseType.LUNG, CoarseType.LUNG,
            CoarseType.BONE, CoarseType.KIDNEY, CoarseType.KIDNEY};
        for (int i = 0; i < sizes.length; i++) {
            Lesion l = Lesion.builder("L" + i).patientId("P").studyId("S1").coarseType(organs[i])
                    .recist(Recist.of(sizes[i], sizes[i] / 2)).build();
            tracks.add(List.of(new TrackPoint("S1", null, l, sizes[i], null)));
            nodes.add(false);
        }
        // A node of 40 x 14 mm is not measurable (short axis below 15 mm).
        Lesion node = Lesion.builder("N").patientId("P").studyId("S1").recist(Recist.of(40, 14))
                .labels(Set.of("mediastinum lymph node")).build();
        tracks.add(List.of(new TrackPoint("S1", null, node, 14, null)));
        nodes.add(true);
        assertThat(recist.selectTargets(tracks, nodes, "S1")).containsExactlyInAnyOrder(0, 1, 3, 4, 5);
    }
}
