package org.lesionsearch.models.embedder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class SequentialTripletLossTest {

    private final SequentialTripletLoss loss = SequentialTripletLoss.defaults();

    @Test
    void sumsTheThreeHingesOfOneSequence() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // A=(0,0) B=(1,0) C=(0,1) D=(2,0) E=(0,0.5): d²AB=1 d²AC=1 d²AD=4 d²AE=0.25
            // hinges: max(0, 1-1+0.1)=0.1, max(0, 1-4+0.2)=0, max(0, 4-0.25+0.4)=4.15; L = 4.25 / 2
            float[] e = {0, 0, 1, 0, 0, 1, 2, 0, 0, 0.5f};
            assertThat(loss.evaluate(m.create(e, new Shape(5, 2))).getFloat()).isCloseTo(2.125f, within(1e-6f));
        }
    }

    @Test
    void averagesOverSequencesAndIsZeroWhenEveryMarginHolds() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] violated = {0, 0, 1, 0, 0, 1, 2, 0, 0, 0.5f};
            // d²: AB=0.01, AC=1, AD=4, AE=9: every triplet holds its margin
            float[] ordered = {0, 0, 0.1f, 0, 1, 0, 2, 0, 3, 0};
            assertThat(loss.evaluate(m.create(ordered, new Shape(5, 2))).getFloat()).isZero();
            float[] both = new float[20];
            System.arraycopy(violated, 0, both, 0, 10);
            System.arraycopy(ordered, 0, both, 10, 10);
            assertThat(loss.evaluate(m.create(both, new Shape(10, 2))).getFloat()).isCloseTo(4.25f / 4, within(1e-6f));
        }
    }

    @Test
    void requiresIncreasingMarginsAndWholeSequences() {
        assertThatThrownBy(() -> new SequentialTripletLoss(0.2f, 0.1f, 0.4f)).hasMessageContaining("m1 < m2 < m3");
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            assertThatThrownBy(() -> loss.evaluate(m.zeros(new Shape(4, 2)))).hasMessageContaining("5 embeddings per sequence");
        }
    }
}
