package org.lesionsearch.core.lesion;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;

/** DeepLesion's eight coarse lesion types, with the codes of its {@code Coarse_lesion_type} column. */
public enum CoarseType {
    BONE(1), ABDOMEN(2), MEDIASTINUM(3), LIVER(4), LUNG(5), KIDNEY(6), SOFT_TISSUE(7), PELVIS(8), UNKNOWN(-1);

    private final int code;

    CoarseType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CoarseType fromCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown coarse lesion type code " + code + " (expected 1..8 or -1)"));
    }

    /** Accepts the enum name in any case, with spaces or hyphens for underscores, or a DeepLesion code. */
    @JsonCreator
    public static CoarseType parse(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+")) {
            return fromCode(Integer.parseInt(t));
        }
        String name = t.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown coarse lesion type '" + text
                        + "' (expected one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ")"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
