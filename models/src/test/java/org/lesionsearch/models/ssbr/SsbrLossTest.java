package org.lesionsearch.models.ssbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SsbrLossTest {

    private final SsbrLoss loss = new SsbrLoss();

    @Test
    void addsOrderAndDistanceTermsOfOneSequence() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // scores 0, 1, 3: Δ = 1, 2; order = log(1+e^-1) + log(1+e^-2) = 0.313262 + 0.126928
            // dist = smoothL1(2 - 1) = 1 - 0.5 = 0.5
            float value = loss.evaluate(m.create(new float[] {0, 1, 3}, new Shape(1, 3))).getFloat();
            assertThat(value).isCloseTo(0.313262f + 0.126928f + 0.5f, within(1e-5f));
        }
    }

    @Test
    void usesTheQuadraticPartOfSmoothL1AndAveragesSequences() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // scores 0, 0.5, 0.8: Δ = 0.5, 0.3; order = log(1+e^-0.5) + log(1+e^-0.3) = 0.474077 + 0.554355
            // dist = 0.5 * (0.3 - 0.5)² = 0.02
            float second = 0.474077f + 0.554355f + 0.02f;
            float first = 0.313262f + 0.126928f + 0.5f;
            float value = loss.evaluate(m.create(new float[] {0, 1, 3, 0, 0.5f, 0.8f}, new Shape(2, 3))).getFloat();
            assertThat(value).isCloseTo((first + second) / 2, within(1e-5f));
        }
    }

    @Test
    void penalisesScoresThatDecreaseTowardsTheFeet() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float rising = loss.evaluate(m.create(new float[] {0, 2, 4, 6}, new Shape(1, 4))).getFloat();
            float falling = loss.evaluate(m.create(new float[] {6, 4, 2, 0}, new Shape(1, 4))).getFloat();
            assertThat(falling).isGreaterThan(rising + 5);
            assertThatThrownBy(() -> loss.evaluate(m.zeros(new Shape(2, 2)))).hasMessageContaining("slices >= 3");
        }
    }
}
