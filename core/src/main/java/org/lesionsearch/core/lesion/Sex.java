package org.lesionsearch.core.lesion;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

public enum Sex {
    F, M, UNKNOWN;

    @JsonCreator
    public static Sex parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE" -> F;
            case "M", "MALE" -> M;
            case "U", "O", "UNKNOWN" -> UNKNOWN;
            default -> throw new IllegalArgumentException("unknown sex '" + text + "' (expected F, M or unknown)");
        };
    }
}
