package org.lesionsearch.server.api.patients;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.Include;

/** {@code GET /api/patients/{pid}/lesions}: a patient's lesions by study date, study, key slice and id. */
public final class PatientController implements Routes {

    /** The answer: the patient and their lesions. */
    public record PatientLesions(String patientId, int count, List<Lesion> lesions) {
    }

    private final LesionIndex index;

    public PatientController(ApiContext context) {
        this.index = context.index();
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/patients/{pid}/lesions", this::lesions);
    }

    private void lesions(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("include"));
        Set<Include> include = Include.parseAll("include", params.list("include"));
        String patientId = ctx.pathParam("pid");
        if (patientId.isBlank()) {
            throw ApiException.badRequest("pid", "the patient id is blank");
        }
        List<Lesion> lesions = index.listByPatient(patientId).stream().map(l -> Include.view(l, include)).toList();
        if (lesions.isEmpty()) {
            throw ApiException.notFound("no lesions for patient '" + patientId + "'");
        }
        ctx.json(new PatientLesions(patientId, lesions.size(), lesions));
    }
}
