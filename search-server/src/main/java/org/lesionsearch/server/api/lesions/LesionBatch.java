package org.lesionsearch.server.api.lesions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.lesion.Violation;
import org.lesionsearch.server.api.error.ApiError;
import org.lesionsearch.server.api.json.JsonProblem;

/**
 * The lesions of an upsert request, read and validated one by one so that a bad item is refused
 * on its own, with its fields named by position ({@code [2].embedding}) when the request was an array.
 *
 * @param accepted the valid lesions, in request order
 * @param positions the request position of each accepted lesion
 * @param rejected the refused items
 */
record LesionBatch(List<Lesion> accepted, List<Integer> positions, List<UpsertAnswer.Rejection> rejected) {

    static LesionBatch read(List<JsonNode> items, boolean single, ObjectMapper mapper, LesionValidator validator) {
        List<Lesion> accepted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<UpsertAnswer.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String prefix = prefix(single, i);
            String id = item.path("id").isTextual() ? item.path("id").asText() : null;
            if (!item.isObject()) {
                String reason = "item " + prefix + " is not a JSON object";
                rejected.add(new UpsertAnswer.Rejection(i, null, reason, List.of(new ApiError.Detail(prefix, reason)), true));
                continue;
            }
            Lesion lesion;
            try {
                lesion = mapper.treeToValue(item, Lesion.class);
            } catch (JsonProcessingException e) {
                JsonProblem problem = JsonProblem.of(e).within(prefix);
                rejected.add(new UpsertAnswer.Rejection(i, id, problem.message(),
                        List.of(new ApiError.Detail(problem.field(), problem.reason())), true));
                continue;
            }
            List<Violation> violations = validator.violations(lesion);
            if (!violations.isEmpty()) {
                List<ApiError.Detail> details = violations.stream()
                        .map(v -> new ApiError.Detail(new JsonProblem(v.field(), v.message()).within(prefix).field(), v.message()))
                        .toList();
                rejected.add(new UpsertAnswer.Rejection(i, id, "lesion " + (id == null ? "(no id)" : id) + " is invalid: "
                        + String.join("; ", violations.stream().map(Violation::toString).toList()), details, false));
                continue;
            }
            accepted.add(lesion);
            positions.add(i);
        }
        return new LesionBatch(accepted, positions, rejected);
    }

    /** {@code [i]} for items of an array, nothing for a single lesion. */
    static String prefix(boolean single, int position) {
        return single ? "" : "[" + position + "]";
    }
}
