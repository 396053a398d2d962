package org.lesionsearch.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What an answer disclosed, read from the JSON that leaves the server (so that it holds for every
 * endpoint, whatever its shape): the patient ids and lesion ids it holds, whether it was
 * de-identified, and how many lesions a write wrote.
 *
 * @param deidentified the answer says {@code "deidentified": true}
 * @param patientIds every {@code patientId} value
 * @param lesionIds ids of lesion records (objects with an {@code id} and a {@code patientId}) and {@code lesionId} values
 * @param written the top-level {@code written} count of a write, or -1
 * @param stored instances a STOW-RS answer lists as stored, or -1
 */
public record AnswerSummary(boolean deidentified, Set<String> patientIds, Set<String> lesionIds, int written, int stored) {

    static final String STOW_REFERENCED = "00081199";

    public static AnswerSummary of(JsonNode answer) {
        Set<String> patients = new LinkedHashSet<>();
        Set<String> lesions = new LinkedHashSet<>();
        walk(answer, patients, lesions, 0);
        boolean deidentified = answer.path("deidentified").asBoolean(false);
        int written = answer.path("written").isInt() ? answer.path("written").asInt() : -1;
        JsonNode referenced = answer.path(STOW_REFERENCED).path("Value");
        int stored = referenced.isArray() ? referenced.size() : -1;
        return new AnswerSummary(deidentified, Set.copyOf(patients), Set.copyOf(lesions), written, stored);
    }

    /** How many lesions the answer concerns: written ones for a write, else distinct lesion records. */
    public int results() {
        if (written >= 0) {
            return written;
        }
        if (stored >= 0) {
            return stored;
        }
        return lesionIds.size();
    }

    private static void walk(JsonNode node, Set<String> patients, Set<String> lesions, int depth) {
        if (depth > 64) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, patients, lesions, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode patient = node.get("patientId");
        if (patient != null && patient.isTextual()) {
            patients.add(patient.asText());
            JsonNode id = node.get("id");
            if (id != null && id.isTextual()) {
                lesions.add(id.asText());
            }
        }
        JsonNode lesionId = node.get("lesionId");
        if (lesionId != null && lesionId.isTextual()) {
            lesions.add(lesionId.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            walk(it.next().getValue(), patients, lesions, depth + 1);
        }
    }
}
