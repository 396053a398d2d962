package org.lesionsearch.models.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class VggBackboneTest {

    @Test
    void poolsTheTappedStagesIntoOneFeatureVector() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            VggBackbone backbone = new VggBackbone(new BackboneSpec(0.125, List.of(3, 4, 5)));
            backbone.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            NDArray out = backbone.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomUniform(0, 1, new Shape(2, 3, 32, 32))), false).singletonOrThrow();
            assertThat(backbone.featureSize()).isEqualTo(32 + 64 + 64);
            assertThat(out.getShape()).isEqualTo(new Shape(2, 160));
            assertThat(backbone.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0]).isEqualTo(out.getShape());
        }
    }

    @Test
    void keepsAtLeastEightChannelsAtTinyWidths() {
        VggBackbone backbone = new VggBackbone(new BackboneSpec(0.01, List.of(1, 5)));
        assertThat(backbone.channels(0)).isEqualTo(8);
        assertThat(backbone.featureSize()).isEqualTo(8 + 8);
    }

    @Test
    void rejectsTapsOutsideTheFiveStages() {
        assertThatThrownBy(() -> new BackboneSpec(0.5, List.of(0, 3))).hasMessageContaining("taps");
        assertThatThrownBy(() -> new BackboneSpec(0.5, List.of(4, 3))).hasMessageContaining("increase");
        assertThatThrownBy(() -> new BackboneSpec(1.5, List.of(3))).hasMessageContaining("width");
    }
}
