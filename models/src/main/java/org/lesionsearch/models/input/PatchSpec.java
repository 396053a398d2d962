package org.lesionsearch.models.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a model expects as input: 3-channel patches at each of its scales, and the HU windows
 * used to turn slices into channels. Recorded in every index that uses the model, so that
 * vectors are only compared when they were computed from the same kind of input.
 *
 * @param scales the context scales, in the order the network takes them
 * @param huWindow the window {@code [low, high]} mapped to [0, 1] when the key slice and its
 *     neighbours make the three channels
 * @param fallbackWindows three windows used on the key slice alone when neighbours are missing
 */
public record PatchSpec(List<PatchScale> scales, double[] huWindow, double[][] fallbackWindows) {

    public PatchSpec {
        scales = List.copyOf(scales);
        if (scales.isEmpty()) {
            throw new IllegalArgumentException("a patch spec needs at least one scale");
        }
    }

    /** The scale of that name. */
    public Optional<PatchScale> scale(String name) {
        return scales.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Why {@code patches} cannot be fed to a model with this spec (wrong number of scales, wrong
     * array length, values that are not finite), or empty when they can.
     */
    public Optional<String> problemWith(LesionPatches patches) {
        if (patches.patches().size() != scales.size()) {
            return Optional.of("lesion " + patches.key() + ": expected " + scales.size() + " patch scales but got "
                    + patches.patches().size());
        }
        for (int i = 0; i < scales.size(); i++) {
            PatchScale scale = scales.get(i);
            float[] p = patches.patches().get(i);
            int expected = 3 * scale.sizePx() * scale.sizePx();
            if (p == null || p.length != expected) {
                return Optional.of("lesion " + patches.key() + ": patch '" + scale.name() + "' should hold " + expected
                        + " values (3 x " + scale.sizePx() + " x " + scale.sizePx() + ") but holds "
                        + (p == null ? "nothing" : p.length));
            }
            for (int k = 0; k < p.length; k++) {
                if (!Float.isFinite(p[k])) {
                    return Optional.of("lesion " + patches.key() + ": patch '" + scale.name() + "' has a non-finite value "
                            + p[k] + " at index " + k);
                }
            }
        }
        return Optional.empty();
    }

    /** A canonical one-line description: scales, windows. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (PatchScale s : scales) {
            b.append(s.name()).append(':').append(s.fieldMm()).append("mm@").append(s.sizePx()).append("px;");
        }
        b.append("window:").append(Arrays.toString(huWindow)).append(";fallback:").append(Arrays.deepToString(fallbackWindows));
        return b.toString();
    }

    /** Eight hex digits of a SHA-256 of {@link #describe()}: equal specs, equal fingerprints. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(describe().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
