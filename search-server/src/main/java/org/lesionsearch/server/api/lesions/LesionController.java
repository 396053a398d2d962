package org.lesionsearch.server.api.lesions;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.JsonBodies;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiError;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.error.ErrorHandlers;

/**
 * {@code GET /api/lesions/{id}} (the whole record), {@code POST /api/lesions} (upsert one lesion
 * or an array, committed before the answer) and {@code DELETE /api/lesions/{id}} (committed too).
 */
public final class LesionController implements Routes {

    private final LesionIndex index;
    private final JsonBodies bodies;
    private final LesionValidator validator;

    public LesionController(ApiContext context) {
        this.index = context.index();
        this.bodies = context.bodies();
        this.validator = context.validator();
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/lesions/{id}", this::get);
        app.post("/api/lesions", this::upsert);
        app.delete("/api/lesions/{id}", this::delete);
    }

    /** The path's lesion id; 400 when it cannot be an id. */
    public static LesionId pathId(Context ctx) {
        try {
            return LesionId.of(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", e.getMessage());
        }
    }

    private void get(Context ctx) {
        QueryParams.of(ctx, Set.of());
        LesionId id = pathId(ctx);
        Lesion lesion = index.get(id).orElseThrow(() -> ApiException.notFound("no lesion with id '" + id + "'"));
        ctx.json(lesion);
    }

    private void delete(Context ctx) {
        QueryParams.of(ctx, Set.of());
        LesionId id = pathId(ctx);
        if (!index.delete(id)) {
            throw ApiException.notFound("no lesion with id '" + id + "'");
        }
        index.commit();
        ctx.json(Map.of("deleted", id.value()));
    }

    private void upsert(Context ctx) {
        QueryParams.of(ctx, Set.of());
        JsonNode body = bodies.readTree(ctx);
        List<JsonNode> items = new ArrayList<>();
        boolean single = body.isObject();
        if (single) {
            items.add(body);
        } else if (body.isArray()) {
            body.forEach(items::add);
        } else {
            throw ApiException.badRequest(null, "expected a lesion object or an array of lesions, got " + body.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        if (items.isEmpty()) {
            throw ApiException.badRequest(null, "the array holds no lesions");
        }
        UpsertAnswer answer = write(items, single);
        if (answer.written() == 0) {
            List<ApiError.Detail> details = answer.rejected().stream().flatMap(r -> r.violations().stream()).toList();
            String message = (single ? "the lesion was rejected: " : "none of the " + items.size() + " lesions could be written; first: ")
                    + answer.rejected().getFirst().reason();
            // malformed records are the client's syntax (400); a well-formed but invalid one makes it 422
            int status = answer.rejected().stream().allMatch(UpsertAnswer.Rejection::malformed) ? 400 : 422;
            ErrorHandlers.write(ctx, status, message, details.getFirst().field(), details);
            return;
        }
        ctx.json(answer);
    }

    private UpsertAnswer write(List<JsonNode> items, boolean single) {
        LesionBatch batch = LesionBatch.read(items, single, bodies.mapper(), validator);
        List<UpsertAnswer.Rejection> rejected = new ArrayList<>(batch.rejected());
        int written = 0;
        if (!batch.accepted().isEmpty()) {
            UpsertResult result = index.upsert(batch.accepted());
            for (UpsertResult.Rejected r : result.rejected()) {
                int position = batch.positions().get(r.position());
                String field = single ? null : LesionBatch.prefix(false, position);
                rejected.add(new UpsertAnswer.Rejection(position, r.lesionId(), r.reason(),
                        List.of(new ApiError.Detail(field, r.reason())), false));
            }
            written = result.written();
            if (written > 0) {
                index.commit();
            }
        }
        rejected.sort(Comparator.comparingInt(UpsertAnswer.Rejection::position));
        return new UpsertAnswer(written, rejected);
    }
}
