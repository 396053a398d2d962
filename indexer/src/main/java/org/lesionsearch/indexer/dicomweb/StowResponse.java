package org.lesionsearch.indexer.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a STOW-RS answer (PS3.18 10.5.3) in the DICOM JSON model: the instances stored
 * (Referenced SOP Sequence) and those refused (Failed SOP Sequence) with a Failure Reason code
 * and a short Error Comment saying why in words.
 */
public record StowResponse(String retrieveUrl, List<Stored> stored, List<Failed> failed) {

    public static final String RETRIEVE_URL = "00081190";
    public static final String FAILED_SOP_SEQUENCE = "00081198";
    public static final String REFERENCED_SOP_SEQUENCE = "00081199";
    public static final String REFERENCED_SOP_CLASS_UID = "00081150";
    public static final String REFERENCED_SOP_INSTANCE_UID = "00081155";
    public static final String FAILURE_REASON = "00081197";
    public static final String ERROR_COMMENT = "00000902";

    /** Failure Reason codes (PS3.4 annex GG.4 / PS3.18 table 10.5.3-2). */
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;

    /** Longest Error Comment: its VR is LO. */
    static final int MAX_COMMENT = 64;

    public StowResponse {
        stored = List.copyOf(stored);
        failed = List.copyOf(failed);
    }

    /** An instance stored. */
    public record Stored(String sopClassUid, String sopInstanceUid, String retrieveUrl) {}

    /**
     * An instance refused.
     *
     * @param sopClassUid {@code null} when the part could not be read far enough to know it
     * @param sopInstanceUid {@code null} likewise
     * @param part 1-based position of the part in the request
     */
    public record Failed(String sopClassUid, String sopInstanceUid, int failureReason, String comment, int part) {}

    /** 200 when all were stored, 409 when none were, 202 when some were (PS3.18 10.5.3). */
    public int httpStatus() {
        if (failed.isEmpty()) {
            return 200;
        }
        return stored.isEmpty() ? 409 : 202;
    }

    public ObjectNode toDicomJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        if (retrieveUrl != null) {
            put(root, RETRIEVE_URL, "UR", retrieveUrl);
        }
        if (!failed.isEmpty()) {
            ArrayNode items = f.arrayNode();
            for (Failed x : failed) {
                ObjectNode item = f.objectNode();
                if (x.sopClassUid() != null) {
                    put(item, REFERENCED_SOP_CLASS_UID, "UI", x.sopClassUid());
                }
                if (x.sopInstanceUid() != null) {
                    put(item, REFERENCED_SOP_INSTANCE_UID, "UI", x.sopInstanceUid());
                }
                ObjectNode reason = item.putObject(FAILURE_REASON);
                reason.put("vr", "US");
                reason.putArray("Value").add(x.failureReason());
                put(item, ERROR_COMMENT, "LO", truncate(x.comment()));
                items.add(item);
            }
            ObjectNode seq = root.putObject(FAILED_SOP_SEQUENCE);
            seq.put("vr", "SQ");
            seq.set("Value", items);
        }
        if (!stored.isEmpty()) {
            ArrayNode items = f.arrayNode();
            for (Stored s : stored) {
                ObjectNode item = f.objectNode();
                put(item, REFERENCED_SOP_CLASS_UID, "UI", s.sopClassUid());
                put(item, REFERENCED_SOP_INSTANCE_UID, "UI", s.sopInstanceUid());
                if (s.retrieveUrl() != null) {
                    put(item, RETRIEVE_URL, "UR", s.retrieveUrl());
                }
                items.add(item);
            }
            ObjectNode seq = root.putObject(REFERENCED_SOP_SEQUENCE);
            seq.put("vr", "SQ");
            seq.set("Value", items);
        }
        return root;
    }

    /** Reads a STOW-RS answer from any server (Orthanc's or ours). */
    public static StowResponse fromDicomJson(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new StowResponse(null, List.of(), List.of());
        }
        DicomJsonObject top = new DicomJsonObject(root);
        List<Stored> stored = new ArrayList<>();
        for (JsonNode item : sequence(root, REFERENCED_SOP_SEQUENCE)) {
            DicomJsonObject o = new DicomJsonObject(item);
            stored.add(new Stored(o.string(REFERENCED_SOP_CLASS_UID).orElse(null),
                    o.string(REFERENCED_SOP_INSTANCE_UID).orElse(null), o.string(RETRIEVE_URL).orElse(null)));
        }
        List<Failed> failed = new ArrayList<>();
        int n = 0;
        for (JsonNode item : sequence(root, FAILED_SOP_SEQUENCE)) {
            DicomJsonObject o = new DicomJsonObject(item);
            failed.add(new Failed(o.string(REFERENCED_SOP_CLASS_UID).orElse(null),
                    o.string(REFERENCED_SOP_INSTANCE_UID).orElse(null), o.integer(FAILURE_REASON).orElse(PROCESSING_FAILURE),
                    o.string(ERROR_COMMENT).orElse(""), ++n));
        }
        return new StowResponse(top.string(RETRIEVE_URL).orElse(null), stored, failed);
    }

    private static Iterable<JsonNode> sequence(JsonNode root, String tag) {
        JsonNode values = root.path(tag).path("Value");
        return values.isArray() ? values : List.of();
    }

    private static void put(ObjectNode node, String tag, String vr, String value) {
        ObjectNode attribute = node.putObject(tag);
        attribute.put("vr", vr);
        attribute.putArray("Value").add(value);
    }

    private static String truncate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_COMMENT ? s : s.substring(0, MAX_COMMENT - 3) + "...";
    }
}
