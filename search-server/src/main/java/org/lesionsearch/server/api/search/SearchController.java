package org.lesionsearch.server.api.search;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.lesion.Violation;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.JsonBodies;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.api.error.ApiError;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.Include;
import org.lesionsearch.server.api.lesions.LesionController;

/**
 * {@code POST /api/search} (query vector or example lesion, filter, page, sort, facets) and
 * {@code GET /api/lesions/{id}/similar} (the lesions most like a stored one).
 */
public final class SearchController implements Routes {

    private final ServerConfig config;
    private final LesionIndex index;
    private final JsonBodies bodies;
    private final LesionValidator validator;
    private final FilterTranslator filters;

    public SearchController(ApiContext context) {
        this.config = context.config();
        this.index = context.index();
        this.bodies = context.bodies();
        this.validator = context.validator();
        this.filters = new FilterTranslator(context.ontology());
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/search", this::search);
        app.get("/api/lesions/{id}/similar", this::similar);
    }

    private void search(Context ctx) {
        QueryParams.of(ctx, Set.of());
        SearchBody body = bodies.read(ctx, SearchBody.class);
        int k = QueryParams.inRange("k", body.k() == null ? SearchRequest.DEFAULT_K : body.k(), 1, config.maxK());
        int offset = QueryParams.inRange("offset", body.offset() == null ? 0 : body.offset(), 0, config.maxOffset());
        if (body.vector() != null && body.example() != null) {
            throw ApiException.unprocessable("example", "give either a query vector or an example lesion, not both");
        }
        if (body.vector() != null) {
            List<Violation> violations = validator.vectorViolations("vector", body.vector());
            if (!violations.isEmpty()) {
                throw new ApiException(422, violations.getFirst().toString(), violations.getFirst().field(),
                        violations.stream().map(v -> new ApiError.Detail(v.field(), v.message())).toList());
            }
        }
        LesionId example = null;
        if (body.example() != null) {
            try {
                example = LesionId.of(body.example());
            } catch (IllegalArgumentException e) {
                throw ApiException.unprocessable("example", "example: " + e.getMessage());
            }
            requireEmbedding(example, "example", 422);
        }
        Filter filter = filters.translate(body.filter(), "filter");
        SortOrder sort = body.sort() == null ? SortOrder.RELEVANCE : body.sort();
        SearchRequest request = new SearchRequest(body.vector(), example, filter, k, offset, sort,
                Boolean.TRUE.equals(body.facets()));
        Set<Include> include = body.include() == null || body.include().isEmpty() ? EnumSet.noneOf(Include.class)
                : EnumSet.copyOf(body.include());
        answer(ctx, request, include, "example");
    }

    private void similar(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("k", "offset", "include", "otherPatients"));
        LesionId id = LesionController.pathId(ctx);
        int k = params.integer("k", SearchRequest.DEFAULT_K, 1, config.maxK());
        int offset = params.integer("offset", 0, 0, config.maxOffset());
        Set<Include> include = Include.parseAll("include", params.list("include"));
        boolean otherPatients = params.bool("otherPatients", false);
        Lesion lesion = requireEmbedding(id, "id", 404);
        Filter filter = otherPatients ? Filter.not(Filter.patient(lesion.patientId())) : Filter.all();
        answer(ctx, new SearchRequest(null, id, filter, k, offset, SortOrder.RELEVANCE, false), include, "id");
    }

    /** The stored lesion, which must exist (else {@code missingStatus}) and carry an embedding (else 422). */
    private Lesion requireEmbedding(LesionId id, String field, int missingStatus) {
        Lesion lesion = index.get(id).orElseThrow(() -> new ApiException(missingStatus, "no lesion with id '" + id + "'", field, null));
        if (lesion.embedding() == null) {
            throw ApiException.unprocessable(field, "lesion '" + id + "' has no embedding to compare with");
        }
        return lesion;
    }

    private void answer(Context ctx, SearchRequest request, Set<Include> include, String exampleField) {
        long start = System.nanoTime();
        SearchResult result;
        try {
            result = index.search(request);
        } catch (NoSuchElementException e) {
            // deleted between the existence check and the search
            throw ApiException.unprocessable(exampleField, e.getMessage() == null ? "the example lesion does not exist" : e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(null, e.getMessage());
        }
        ctx.json(SearchAnswer.of(result, request.k(), request.offset(), System.nanoTime() - start, include));
    }
}
