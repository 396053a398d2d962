package org.lesionsearch.server.api.error;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.lesionsearch.core.index.IndexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@link ApiError} body with the right status: the API's own
 * refusals, Javalin's (unknown route 404, wrong method 405, body too large 413), an index that
 * cannot answer (503 with {@code Retry-After}) and, as a last
 * resort, unexpected exceptions (500, logged with the route template only, since concrete paths
 * can hold patient ids).
 */
public final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
    static final int RETRY_AFTER_SECONDS = 5;

    private ErrorHandlers() {
    }

    public static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.getMessage(), e.field(), e.details()));
        app.exception(HttpResponseException.class, (e, ctx) -> javalinRefusal(ctx, e));
        // the index is down, too slow or failing (I/O, a full disk, a lost cluster): worth a retry later
        app.exception(IndexException.class, (e, ctx) -> {
            LOG.warn("{} {}: the index did not answer: {}", ctx.method(), routeTemplate(ctx), e.getMessage());
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            write(ctx, 503, "the index cannot answer right now (" + e.getMessage() + "); retry later", null, null);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), routeTemplate(ctx), e);
            write(ctx, 500, "the server failed to answer this request; the server log has the details", null, null);
        });
    }

    private static void javalinRefusal(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        String message = switch (status) {
            case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path() + " (GET /api/openapi.json lists the API)";
            case 405 -> {
                String allowed = e.getDetails().getOrDefault("availableMethods", "");
                if (!allowed.isBlank()) {
                    ctx.header("Allow", allowed);
                }
                yield ctx.method() + " is not allowed on " + ctx.path() + (allowed.isBlank() ? "" : "; allowed: " + allowed);
            }
            case 413 -> "the request body is larger than the server's limit";
            default -> e.getMessage();
        };
        write(ctx, status, message, null, null);
    }

    /** The matched route's template ({@code /api/patients/{pid}/lesions}), never the concrete path. */
    private static String routeTemplate(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (RuntimeException noEndpoint) {
            return "(before any route matched)";
        }
    }

    public static void write(Context ctx, int status, String message, String field, List<ApiError.Detail> details) {
        ctx.status(status).json(new ApiError(status, reason(status), message, field, details));
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
    }
}
