package org.lesionsearch.models.embedder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;

class SequenceSamplerTest {

    @Test
    void everySequenceFollowsTheCueOrder() {
        List<SequenceSampler.Cues> cues = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            CoarseType type = i % 3 == 0 ? CoarseType.LIVER : i % 3 == 1 ? CoarseType.LUNG : CoarseType.BONE;
            cues.add(new SequenceSampler.Cues(type, new BodyLocation(random.nextDouble(), random.nextDouble(), random.nextDouble() * 0.3),
                    5 + random.nextDouble() * 60));
        }
        cues.add(new SequenceSampler.Cues(CoarseType.UNKNOWN, new BodyLocation(0.5, 0.5, 0.5), 10));
        SequenceSampler sampler = SequenceSampler.defaults();
        List<int[]> sequences = sampler.sample(cues, 50, new SplittableRandom(1));
        assertThat(sequences).hasSize(50);
        for (int[] s : sequences) {
            SequenceSampler.Cues a = cues.get(s[0]);
            assertThat(s).doesNotContain(200); // the unknown type is never sampled
            assertThat(cues.get(s[1]).type()).isEqualTo(a.type());
            assertThat(a.location().distanceTo(cues.get(s[1]).location())).isLessThan(0.1);
            assertThat(ratio(a, cues.get(s[1]))).isLessThanOrEqualTo(1.5);
            assertThat(cues.get(s[2]).type()).isEqualTo(a.type());
            assertThat(a.location().distanceTo(cues.get(s[2]).location())).isLessThan(0.1);
            assertThat(ratio(a, cues.get(s[2]))).isGreaterThan(1.5);
            assertThat(cues.get(s[3]).type()).isEqualTo(a.type());
            assertThat(a.location().distanceTo(cues.get(s[3]).location())).isGreaterThanOrEqualTo(0.1);
            assertThat(cues.get(s[4]).type()).isNotEqualTo(a.type());
        }
    }

    @Test
    void givesNothingWhenOnlyOneTypeIsKnown() {
        List<SequenceSampler.Cues> cues = List.of(
                new SequenceSampler.Cues(CoarseType.LIVER, new BodyLocation(0.5, 0.5, 0.5), 10),
                new SequenceSampler.Cues(CoarseType.LIVER, new BodyLocation(0.5, 0.5, 0.52), 11));
        assertThat(SequenceSampler.defaults().sample(cues, 5, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void refinementRelabelsALesionItsNeighboursClearlyContradict() {
        float[][] embeddings = new float[12][];
        List<CoarseType> types = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            embeddings[i] = i < 11 ? new float[] {1, i * 0.001f} : new float[] {1, 0.005f};
            types.add(i < 11 ? CoarseType.LIVER : CoarseType.KIDNEY); // the last sits among livers
        }
        types.set(0, CoarseType.UNKNOWN);
        CueRefinement.Result result = new CueRefinement(10, 0.8, 0.5).refine(embeddings, types);
        assertThat(result.types().get(11)).isEqualTo(CoarseType.LIVER);
        assertThat(result.types().get(0)).isEqualTo(CoarseType.LIVER);
        assertThat(result.changed()).isEqualTo(2);
    }

    private static double ratio(SequenceSampler.Cues a, SequenceSampler.Cues b) {
        return Math.max(a.sizeMm(), b.sizeMm()) / Math.min(a.sizeMm(), b.sizeMm());
    }
}
