package org.lesionsearch.server.auth;

import io.javalin.http.Context;

/**
 * The route template a request matched ({@code /api/patients/{pid}/lesions}), kept when the
 * request comes in: Javalin's after-handlers see their own path instead.
 */
public final class MatchedEndpoint {

    static final String ATTRIBUTE = "lesionsearch.endpoint";

    private MatchedEndpoint() {
    }

    static void remember(Context ctx) {
        ctx.attribute(ATTRIBUTE, ctx.endpointHandlerPath());
    }

    /** The template, or {@code null} when the request matched no endpoint. */
    public static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
