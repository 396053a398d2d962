package org.lesionsearch.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalEvaluationTest {

    private static RetrievalEvaluation.Item item(float x, float y, String patient, String study, String type, String instance) {
        float n = (float) Math.sqrt(x * x + y * y);
        return new RetrievalEvaluation.Item(new float[] {x / n, y / n}, patient, study, type, instance);
    }

    @Test
    void precisionAtKLeavesTheQueryPatientOut() {
        List<RetrievalEvaluation.Item> items = List.of(
                item(1, 0, "p1", "s1", "LIVER", null),
                item(1, 0.01f, "p1", "s2", "LUNG", null),   // nearest, but same patient: ignored
                item(1, 0.1f, "p2", "s1", "LIVER", null),
                item(0, 1, "p3", "s1", "LUNG", null));
        RetrievalEvaluation.Score p1 = RetrievalEvaluation.precisionAtK(items, 1);
        // nearest of another patient: LIVER(p1) → LIVER(p2) right; LUNG(p1) → LIVER(p2) wrong;
        // LIVER(p2) → LUNG(p1) (cosine 0.99595 beats 0.99504) wrong; LUNG(p3) → LIVER(p2) wrong
        assertThat(p1.queries()).isEqualTo(4);
        assertThat(p1.value()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void matchingFindsTheSameInstanceAmongTheOtherStudysLesions() {
        List<RetrievalEvaluation.Item> items = List.of(
                item(1, 0, "p1", "s1", "LIVER", "A"),
                item(0, 1, "p1", "s1", "LUNG", "B"),
                item(0.9f, 0.1f, "p1", "s2", "LIVER", "A"),
                item(0.8f, 0.3f, "p1", "s2", "LUNG", "B"),    // closer to A than to B: a wrong match for B
                item(1, 0, "p2", "s1", "LIVER", "C"));         // other patient, other instance: never compared
        RetrievalEvaluation.Score score = RetrievalEvaluation.matchingAccuracy(items);
        // s1/A→s2: A (right); s1/B→s2: B (0.3 > 0.1, right); s2/A→s1: A (right); s2/B→s1: A (wrong)
        assertThat(score.queries()).isEqualTo(4);
        assertThat(score.value()).isCloseTo(0.75, within(1e-9));
    }
}
