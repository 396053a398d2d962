package org.lesionsearch.server.api.matching;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.tracking.MatchModel;
import org.lesionsearch.core.tracking.PatientTracking;
import org.lesionsearch.core.tracking.PatientTracks;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.Include;
import org.lesionsearch.server.api.lesions.LesionController;

/**
 * Longitudinal matching: {@code GET /api/lesions/{id}/matches} (the same lesion in every other
 * study of the patient, or "no match") and {@code GET /api/patients/{pid}/tracks} (lesion tracks
 * with diameters, sums and RECIST 1.1 response per study).
 */
public final class MatchingController implements Routes {

    static final int DEFAULT_CANDIDATES = 5;
    static final int MAX_CANDIDATES = 100;

    private final PatientTracking tracking;

    public MatchingController(ApiContext context) {
        this(context, MatchModel.defaults());
    }

    public MatchingController(ApiContext context, MatchModel model) {
        this.tracking = new PatientTracking(context.index(), model);
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/lesions/{id}/matches", this::matches);
        app.get("/api/patients/{pid}/tracks", this::tracks);
    }

    private void matches(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("candidates", "include"));
        LesionId id = LesionController.pathId(ctx);
        int candidates = params.integer("candidates", DEFAULT_CANDIDATES, 1, MAX_CANDIDATES);
        Set<Include> include = Include.parseAll("include", params.list("include"));
        PatientTracking.LesionMatches matches;
        try {
            matches = tracking.matches(id);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("no lesion with id '" + id + "'");
        }
        ctx.json(MatchesAnswer.of(matches, candidates, include));
    }

    private void tracks(Context ctx) {
        QueryParams.of(ctx, Set.of());
        String patientId = ctx.pathParam("pid");
        if (patientId.isBlank()) {
            throw ApiException.badRequest("pid", "the patient id is blank");
        }
        PatientTracks tracks;
        try {
            tracks = tracking.tracks(patientId);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("no lesions for patient '" + patientId + "'");
        }
        ctx.json(TracksAnswer.of(tracks));
    }

    static List<String> ids(List<LesionId> ids) {
        return ids.stream().map(LesionId::value).toList();
    }
}
