package org.lesionsearch.server.api.openapi;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/openapi.json}: the hand-maintained OpenAPI 3.1 description shipped in this jar. */
public final class OpenApiController implements org.lesionsearch.server.api.Routes {

    public static final String RESOURCE = "openapi.json";

    private final byte[] document;

    public OpenApiController() {
        this.document = load();
    }

    /** The document's bytes, for tests and tools. */
    public static byte[] load() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the search-server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/openapi.json", this::document);
    }

    private void document(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
