package org.lesionsearch.models.training;

import java.util.Map;
import org.lesionsearch.models.inference.NetworkEntry;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.ssbr.ZCalibration;

/**
 * What training one network leaves in the output folder beside its weights
 * ({@code <network>.json}): its entry, the input it was trained on, how, and how it scored on
 * held-out lesions. The labeler's part carries the thresholds, the SSBR part the z calibration.
 */
public record NetworkPart(String network, NetworkEntry entry, PatchSpec input, String trainedOn, int steps, long seed,
                          Map<String, Double> metrics, float[] thresholds, ZCalibration zCalibration) {

    public NetworkPart {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
