package org.lesionsearch.server.api.health;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.index.IndexStats;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ErrorHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /api/health}: whether the index answers, with its size and model; 503 when it does not. */
public final class HealthController implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    /**
     * @param status {@code ok}
     * @param backend {@code lucene} or {@code elasticsearch}
     * @param lesions lesions in the index
     * @param patients distinct patients
     * @param studies distinct studies
     * @param sizeOnDiskBytes index size on disk, -1 when unknown
     * @param model the model of the index's vectors, absent before the first embedding
     * @param index backend-specific details
     */
    public record Health(String status, String backend, long lesions, long patients, long studies, long sizeOnDiskBytes,
            ModelInfo model, Map<String, Object> index) {
    }

    private final LesionIndex index;

    public HealthController(ApiContext context) {
        this.index = context.index();
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/health", this::health);
    }

    private void health(Context ctx) {
        QueryParams.of(ctx, Set.of());
        IndexStats stats;
        try {
            stats = index.stats();
        } catch (RuntimeException e) {
            LOG.error("health check: the index does not answer", e);
            ErrorHandlers.write(ctx, 503, "the index does not answer: " + e.getMessage(), null, null);
            return;
        }
        ctx.json(new Health("ok", stats.backend(), stats.lesions(), stats.patients(), stats.studies(),
                stats.sizeOnDiskBytes(), stats.model(), stats.details()));
    }
}
