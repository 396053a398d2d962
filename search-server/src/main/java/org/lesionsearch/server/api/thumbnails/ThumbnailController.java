package org.lesionsearch.server.api.thumbnails;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.LesionController;
import org.lesionsearch.server.api.query.PseudonymLookup;

/**
 * {@code GET /api/lesions/{id}/thumbnail.png}: the lesion's windowed crop with its RECIST lines,
 * as written at ingest. The id may be a lesion pseudonym from a de-identified answer; the picture
 * itself carries no identifier.
 */
public final class ThumbnailController implements Routes {

    private final PseudonymLookup lesions;
    private final ThumbnailFiles files;

    public ThumbnailController(ApiContext context) {
        this.lesions = new PseudonymLookup(context.index(), context.pseudonyms());
        this.files = new ThumbnailFiles(context.thumbnailRoot());
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/lesions/{id}/thumbnail.png", this::thumbnail);
    }

    private void thumbnail(Context ctx) {
        QueryParams.of(ctx, Set.of());
        LesionId id = LesionController.pathId(ctx);
        Lesion lesion = lesions.find(id).orElseThrow(() -> ApiException.notFound("no lesion with id '" + id + "'"));
        Path file = files.resolve(lesion.thumbnail())
                .orElseThrow(() -> ApiException.notFound("lesion '" + id + "' has no thumbnail"));
        byte[] png;
        try {
            png = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a thumbnail failed", e);
        }
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.contentType("image/png").result(png);
    }
}
