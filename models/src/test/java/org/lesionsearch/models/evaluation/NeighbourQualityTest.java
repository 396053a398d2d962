package org.lesionsearch.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.BodyLocation;

class NeighbourQualityTest {

    // four lesions on a line in z; p1 has two of them
    private static final List<NeighbourQuality.Lesion> LESIONS = List.of(
            new NeighbourQuality.Lesion("p1", "LIVER", new BodyLocation(0.5, 0.5, 0.1), 10),
            new NeighbourQuality.Lesion("p1", "LUNG", new BodyLocation(0.5, 0.5, 0.2), 20),
            new NeighbourQuality.Lesion("p2", "LIVER", new BodyLocation(0.5, 0.5, 0.4), 40),
            new NeighbourQuality.Lesion("p3", "LUNG", new BodyLocation(0.5, 0.5, 0.8), 5));

    private static List<BodyLocation> locations() {
        return LESIONS.stream().map(NeighbourQuality.Lesion::location).toList();
    }

    @Test
    void nearestLocationTopOneJudgesTypeDistanceAndSize() {
        NeighbourQuality.Scores s = NeighbourQuality.topK(LESIONS, LesionSimilarity.nearerLocation(locations()), 1);
        // 0 (p1) → 2 at 0.3: same type, ratio 4;  1 (p1) → 2 at 0.2: other type, ratio 2
        // 2 (p2) → 1 at 0.2: other type, ratio 2; 3 (p3) → 2 at 0.4: other type, ratio 8
        assertThat(s.queries()).isEqualTo(4);
        assertThat(s.typePrecision()).isCloseTo(0.25, within(1e-12));
        assertThat(s.meanLocationDistance()).isCloseTo((0.3 + 0.2 + 0.2 + 0.4) / 4, within(1e-12));
        assertThat(s.meanSizeRatio()).isCloseTo((4 + 2 + 2 + 8) / 4.0, within(1e-12));
    }

    @Test
    void topTwoAveragesOverNeighboursAndSkipsQueriesWithTooFewCandidates() {
        // embeddings that rank by hand: 0 and 2 point the same way, 1 and 3 the other
        float[][] embeddings = {{1, 0}, {0, 1}, {1, 0}, {0, 1}};
        NeighbourQuality.Scores s = NeighbourQuality.topK(LESIONS, LesionSimilarity.cosine(embeddings), 2);
        // 0: candidates 2 (sim 1), 3 (sim 0) → types 1/2, distances 0.3 and 0.7, ratios 4 and 2
        // 1: candidates 2 (0), 3 (1) → 3 first then 2: types 1/2, distances 0.6 and 0.2, ratios 4 and 2
        // 2: candidates 0 (1), 1 (0), 3 (0) → 0, then 1 before 3 (ties keep list order): types 1/2, distances 0.3, 0.2; ratios 4, 2
        // 3: candidates 0 (0), 1 (1), 2 (0) → 1, then 0: types 1/2, distances 0.6, 0.7; ratios 4, 2
        assertThat(s.queries()).isEqualTo(4);
        assertThat(s.typePrecision()).isCloseTo(0.5, within(1e-12));
        assertThat(s.meanLocationDistance()).isCloseTo((0.5 + 0.4 + 0.25 + 0.65) / 4, within(1e-12));
        assertThat(s.meanSizeRatio()).isCloseTo(3.0, within(1e-12));

        NeighbourQuality.Scores three = NeighbourQuality.topK(LESIONS, LesionSimilarity.cosine(embeddings), 3);
        assertThat(three.queries()).as("only p2 and p3 have three lesions of other patients").isEqualTo(2);
    }

    @Test
    void randomExpectationWeighsEveryCandidateAlike() {
        NeighbourQuality.Scores s = NeighbourQuality.randomExpectation(LESIONS, 2);
        // 0: {2, 3} same 1/2, dist (0.3+0.7)/2 = 0.5, ratio (4+2)/2 = 3
        // 1: {2, 3} same 1/2, dist (0.2+0.6)/2 = 0.4, ratio (2+4)/2 = 3
        // 2: {0, 1, 3} same 1/3, dist (0.3+0.2+0.4)/3 = 0.3, ratio (4+2+8)/3 = 14/3
        // 3: {0, 1, 2} same 1/3, dist (0.7+0.6+0.4)/3 = 17/30, ratio (2+4+8)/3 = 14/3
        assertThat(s.queries()).isEqualTo(4);
        assertThat(s.typePrecision()).isCloseTo((0.5 + 0.5 + 1 / 3.0 + 1 / 3.0) / 4, within(1e-12));
        assertThat(s.meanLocationDistance()).isCloseTo((0.5 + 0.4 + 0.3 + 17 / 30.0) / 4, within(1e-12));
        assertThat(s.meanSizeRatio()).isCloseTo((3 + 3 + 14 / 3.0 + 14 / 3.0) / 4, within(1e-12));
    }

    @Test
    void sizeRatioIsSymmetricAndAtLeastOne() {
        assertThat(NeighbourQuality.sizeRatio(10, 25)).isEqualTo(2.5);
        assertThat(NeighbourQuality.sizeRatio(25, 10)).isEqualTo(2.5);
        assertThat(NeighbourQuality.sizeRatio(7, 7)).isEqualTo(1.0);
    }

    @Test
    void noQueryGivesNaNAndAZeroCount() {
        NeighbourQuality.Scores s = NeighbourQuality.topK(LESIONS.subList(0, 2), (q, c) -> 0, 1);
        assertThat(s.queries()).isZero();
        assertThat(s.typePrecision()).isNaN();
    }

    @Test
    void rejectsALesionWithoutSize() {
        assertThatThrownBy(() -> new NeighbourQuality.Lesion("p", "LUNG", new BodyLocation(0, 0, 0), Double.NaN))
                .hasMessageContaining("size");
    }
}
