package org.lesionsearch.models.inference;

import java.util.List;
import org.lesionsearch.models.backbone.BackboneSpec;
import org.lesionsearch.models.input.PatchScale;
import org.lesionsearch.models.input.PatchSpec;

/**
 * The input specification and the shapes of the three networks that training produces.
 *
 * <p>The slim design fits a small CPU for training and inference: three scales of 32 px (a 64 mm
 * lesion field, LesaNet's 120 mm field and a 320 mm body-region field); the embedder reads all
 * three through one backbone, the labeler LesaNet's 120 mm field, the slice-score network the
 * region; VGG-16 widths 1/8, 1/8 and 1/16 (at least 8 channels), features pooled from stages 3,
 * 4 and 5. {@link #withWidth} scales it up for machines that can afford it.
 */
public record Architecture(PatchSpec input, NetworkEntry embedder, NetworkEntry labeler, NetworkEntry ssbr) {

    public static final String LESION = "lesion";
    public static final String CONTEXT = "context";
    public static final String REGION = "region";

    /** Neighbour slices share one window from air to dense bone so every organ keeps contrast. */
    public static final double[] NEIGHBOUR_WINDOW = {-1024, 1024};
    /** Lung, soft-tissue and bone windows of the key slice when neighbours are missing. */
    public static final double[][] FALLBACK_WINDOWS = {{-1350, 150}, {-175, 275}, {-450, 1050}};

    public NetworkEntry entry(NetworkRole role) {
        return switch (role) {
            case EMBEDDER -> embedder;
            case LABELER -> labeler;
            case SSBR -> ssbr;
        };
    }

    /** The same design with weights stored at half precision ({@link HalfPrecisionParameters}). */
    public Architecture halfPrecision() {
        return new Architecture(input, half(embedder), half(labeler), half(ssbr));
    }

    private static NetworkEntry half(NetworkEntry e) {
        String stem = e.file().contains(".") ? e.file().substring(0, e.file().lastIndexOf('.')) : e.file();
        return new NetworkEntry(e.format(), stem + HalfPrecisionParameters.EXTENSION, e.scales(), e.backbone(), e.featureDim());
    }

    public static Architecture slim() {
        return withWidth(0.125, 32);
    }

    /**
     * The design at another width multiplier and lesion/context patch size (the paper's full
     * width is 1.0, at larger inputs).
     */
    public static Architecture withWidth(double width, int lesionPx) {
        PatchSpec input = new PatchSpec(List.of(
                new PatchScale(LESION, 64, lesionPx),
                new PatchScale(CONTEXT, 120, lesionPx),
                new PatchScale(REGION, 320, 32)), NEIGHBOUR_WINDOW, FALLBACK_WINDOWS);
        List<Integer> taps = List.of(3, 4, 5);
        return new Architecture(input,
                new NetworkEntry(NetworkFormat.DJL, "embedder.params", List.of(LESION, CONTEXT, REGION), new BackboneSpec(width, taps), null),
                new NetworkEntry(NetworkFormat.DJL, "labeler.params", List.of(CONTEXT), new BackboneSpec(width, taps), 256),
                new NetworkEntry(NetworkFormat.DJL, "ssbr.params", List.of(REGION), new BackboneSpec(width / 2, taps), null));
    }
}
