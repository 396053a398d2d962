package org.lesionsearch.core.lesion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stable identifier of one measured lesion: {@code <patient>_<study>_<series>_<slice>_<n>} for
 * DeepLesion, SOP Instance UID plus measurement number for DICOM.
 */
public record LesionId(String value) implements Comparable<LesionId> {

    public static final int MAX_LENGTH = 256;

    public LesionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("lesion id is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("lesion id is longer than " + MAX_LENGTH + " characters");
        }
    }

    @JsonCreator
    public static LesionId of(String value) {
        return new LesionId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(LesionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
