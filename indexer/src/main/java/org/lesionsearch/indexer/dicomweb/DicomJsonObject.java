package org.lesionsearch.indexer.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One object of the DICOM JSON model (PS3.18 annex F): attributes keyed by eight hex digit
 * tags, each {@code {"vr": .., "Value": [..]}}. Read-only views of the values QIDO-RS returns.
 */
public record DicomJsonObject(JsonNode node) {

    public static final String STUDY_DATE = "00080020";
    public static final String MODALITY = "00080060";
    public static final String MODALITIES_IN_STUDY = "00080061";
    public static final String SOP_CLASS_UID = "00080016";
    public static final String SOP_INSTANCE_UID = "00080018";
    public static final String RETRIEVE_URL = "00081190";
    public static final String STUDY_INSTANCE_UID = "0020000D";
    public static final String SERIES_INSTANCE_UID = "0020000E";
    public static final String SERIES_NUMBER = "00200011";
    public static final String INSTANCE_NUMBER = "00200013";
    public static final String NUMBER_OF_STUDY_RELATED_SERIES = "00201206";
    public static final String NUMBER_OF_STUDY_RELATED_INSTANCES = "00201208";
    public static final String NUMBER_OF_SERIES_RELATED_INSTANCES = "00201209";

    public DicomJsonObject {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("DICOM JSON item is not an object");
        }
    }

    /** The first value of a string-valued attribute, when present and non-empty. */
    public Optional<String> string(String tag) {
        JsonNode values = values(tag);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = values.get(0);
        String text = first.isValueNode() ? first.asText().trim() : null;
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Every value of a multi-valued string attribute (e.g. Modalities in Study). */
    public List<String> strings(String tag) {
        JsonNode values = values(tag);
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (JsonNode v : values) {
                if (v.isValueNode() && !v.asText().isBlank()) {
                    out.add(v.asText().trim());
                }
            }
        }
        return out;
    }

    /** An integer attribute (IS, US, UL...); IS may arrive as a number or a string. */
    public Optional<Integer> integer(String tag) {
        JsonNode values = values(tag);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = values.get(0);
        if (first.isIntegralNumber()) {
            return Optional.of(first.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(first.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A DA attribute; a value that is not a YYYYMMDD date reads as absent. */
    public Optional<LocalDate> date(String tag) {
        return string(tag).flatMap(DicomJsonObject::parseDate);
    }

    static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A required UID attribute, or an error naming the tag. */
    public String requiredUid(String tag, String what) {
        return string(tag).orElseThrow(() -> new DicomWebException("QIDO-RS result without " + what + " (" + tag + ")"));
    }

    private JsonNode values(String tag) {
        JsonNode attribute = node.get(tag);
        if (attribute == null) {
            attribute = node.get(tag.toLowerCase(java.util.Locale.ROOT));
        }
        return attribute == null ? null : attribute.get("Value");
    }
}
