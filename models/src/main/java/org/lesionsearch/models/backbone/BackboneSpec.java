package org.lesionsearch.models.backbone;

import java.util.List;

/**
 * Shape of a {@link VggBackbone}: the width multiplier on VGG-16's channel counts and the stages
 * (1 to 5) whose pooled features make the output.
 */
public record BackboneSpec(double width, List<Integer> taps) {

    public BackboneSpec {
        if (!(width > 0) || width > 1) {
            throw new IllegalArgumentException("backbone width must be in (0, 1], got " + width);
        }
        taps = List.copyOf(taps);
        if (taps.isEmpty() || taps.stream().anyMatch(t -> t < 1 || t > 5)) {
            throw new IllegalArgumentException("backbone taps must be stages 1..5, got " + taps);
        }
        for (int i = 1; i < taps.size(); i++) {
            if (taps.get(i) <= taps.get(i - 1)) {
                throw new IllegalArgumentException("backbone taps must increase, got " + taps);
            }
        }
    }
}
