package org.lesionsearch.models.inference;

import java.util.List;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.ssbr.ZCalibration;

/**
 * Everything an encoder needs besides the weights: names, the input specification, the three
 * networks, the label order with per-label thresholds, and the slice-score to z calibration.
 * Stored as {@code model.json} in a bundle.
 *
 * @param trainedOn a one-line statement of the training data (the model card says more)
 */
public record ModelManifest(String name, String version, String trainedOn, PatchSpec input,
                            NetworkEntry embedder, NetworkEntry labeler, NetworkEntry ssbr,
                            List<String> labels, float[] thresholds, ZCalibration zCalibration) {

    public static final String FILE = "model.json";

    public ModelManifest {
        labels = List.copyOf(labels);
        if (thresholds.length != labels.size()) {
            throw new IllegalArgumentException(FILE + ": " + labels.size() + " labels but " + thresholds.length + " thresholds");
        }
        for (NetworkEntry network : List.of(embedder, labeler, ssbr)) {
            for (String scale : network.scales()) {
                if (input.scales().stream().noneMatch(s -> s.name().equals(scale))) {
                    throw new IllegalArgumentException(FILE + ": network " + network.file() + " reads scale '" + scale
                            + "' that the input specification does not define");
                }
            }
        }
        thresholds = thresholds.clone();
    }

    @Override
    public float[] thresholds() {
        return thresholds.clone();
    }
}
