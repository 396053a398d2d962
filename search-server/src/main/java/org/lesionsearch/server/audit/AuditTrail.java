package org.lesionsearch.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ErrorHandlers;
import org.lesionsearch.server.api.query.PseudonymLookup;
import org.lesionsearch.server.api.query.Pseudonyms;
import org.lesionsearch.server.auth.Access;
import org.lesionsearch.server.auth.MatchedEndpoint;
import org.lesionsearch.server.auth.Principal;
import org.lesionsearch.server.auth.Principals;
import org.lesionsearch.server.auth.RoutePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every access to identified patient data and every write in the {@link AuditLog}, after
 * the handler and before the answer leaves: requests to identified and write routes (refused
 * ones included), and requests to de-identifying routes whose answer was not de-identified.
 * Patients and lesions are named by pseudonym. When the line cannot be written the answer is
 * withheld (503): nothing identified goes out unrecorded.
 */
public final class AuditTrail implements Routes {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final int MAX_LISTED_PATIENTS = 200;

    private final AuditLog log;
    private final RoutePolicy policy;
    private final Pseudonyms pseudonyms;
    private final ObjectMapper mapper;

    public AuditTrail(AuditLog log, RoutePolicy policy, Pseudonyms pseudonyms, ObjectMapper mapper) {
        this.log = log;
        this.policy = policy;
        this.pseudonyms = pseudonyms;
        this.mapper = mapper;
    }

    @Override
    public void register(Javalin app) {
        app.afterMatched(this::record);
    }

    private void record(Context ctx) {
        String endpoint = MatchedEndpoint.of(ctx);
        if (endpoint == null) {
            return;
        }
        Access access = policy.access(ctx.method().name(), endpoint);
        boolean always = access == Access.IDENTIFIED || access == Access.WRITE || access == Access.ADMIN;
        if (!always && access != Access.DEIDENTIFIED) {
            return;
        }
        AnswerSummary answer = summary(ctx);
        boolean disclosedIdentified = answer != null && !answer.deidentified() && !answer.patientIds().isEmpty();
        if (!always && !disclosedIdentified) {
            return;
        }
        List<String> patients = answer == null || answer.deidentified() ? List.of()
                : answer.patientIds().stream().map(pseudonyms::patient).sorted().toList();
        String pathPatient = pathParam(ctx, "pid").map(pseudonyms::patient).orElse(null);
        String patient = pathPatient != null ? pathPatient : patients.size() == 1 ? patients.getFirst() : null;
        List<String> listed = patients.size() > 1 ? patients.subList(0, Math.min(MAX_LISTED_PATIENTS, patients.size())) : null;
        String lesion = pathParam(ctx, "id")
                .map(id -> PseudonymLookup.looksLikeLesionPseudonym(id) ? id : pseudonyms.lesion(id)).orElse(null);
        Optional<Principal> who = Principals.find(ctx);
        AuditEvent event = new AuditEvent(Instant.now(), who.map(Principal::name).orElse(null),
                who.map(p -> p.role().wireName()).orElse(null), ctx.method().name(), endpoint, ctx.statusCode(), patient,
                listed, lesion, answer == null || ctx.statusCode() >= 400 ? null : answer.results(), ctx.ip());
        try {
            log.append(event);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the audit log {}: {}; the answer to {} {} was withheld", log.path(), e.getMessage(),
                    ctx.method(), endpoint);
            ctx.removeHeader("Content-Disposition");
            ErrorHandlers.write(ctx, 503, "the answer was withheld because the audit log cannot be written"
                    + (access == Access.WRITE ? " (the write itself may have been applied; repeating it is safe)" : ""),
                    null, null);
        }
    }

    /** The answer's JSON summary; {@code null} for answers that are not JSON (thumbnails) or empty. */
    private AnswerSummary summary(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.contains("json")) {
            return null;
        }
        String body = ctx.result();
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            return tree == null ? null : AnswerSummary.of(tree);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> pathParam(Context ctx, String name) {
        Set<String> names = ctx.pathParamMap().keySet();
        return names.contains(name) ? Optional.of(ctx.pathParam(name)).filter(s -> !s.isBlank()) : Optional.empty();
    }
}
