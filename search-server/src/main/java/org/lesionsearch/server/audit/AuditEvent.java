package org.lesionsearch.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One line of the audit log: who touched which patient's data through which endpoint, and how
 * much came back. Patients and lesions appear by pseudonym only; the token by its name only.
 *
 * @param time when the answer was ready
 * @param token the token's name ({@code local} on a server without tokens; absent when none was valid)
 * @param role the token's role
 * @param method HTTP method
 * @param endpoint the route template ({@code /api/patients/{pid}/lesions}), never the concrete path
 * @param status HTTP status of the answer
 * @param patient the patient's pseudonym when the request or its answer concerns one patient
 * @param patients pseudonyms of every patient whose data the answer held, when more than one
 * @param lesion the pseudonym of the lesion named in the path
 * @param results lesions in the answer (written ones, for writes)
 * @param client the client's address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(Instant time, String token, String role, String method, String endpoint, int status,
        String patient, List<String> patients, String lesion, Integer results, String client) {
}
