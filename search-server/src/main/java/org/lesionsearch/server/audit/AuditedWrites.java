package org.lesionsearch.server.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.index.ForwardingLesionIndex;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.server.api.query.Pseudonyms;

/**
 * A lesion index whose writes go to the audit log, for writers outside the server (the
 * {@code import} and {@code index} commands): the log the server appends to, lines of the same
 * shape, with the operating-system user in place of a token ({@code cli:USER}, role
 * {@code admin}: whoever can run the command can write the index files). One line per written
 * batch, with the pseudonyms of the patients written and how many lesions. Reads pass through
 * unrecorded: the commands only write. The log is the caller's to close.
 */
public final class AuditedWrites extends ForwardingLesionIndex {

    private final AuditLog log;
    private final Pseudonyms pseudonyms;
    private final String command;
    private final String user;
    private final Clock clock;

    /** @param command the command as a user types it ({@code lesion-search import}), recorded as the endpoint */
    public AuditedWrites(LesionIndex index, AuditLog log, Pseudonyms pseudonyms, String command, String user, Clock clock) {
        super(index);
        this.log = log;
        this.pseudonyms = pseudonyms;
        this.command = command;
        this.user = user;
        this.clock = clock;
    }

    /** @throws UncheckedIOException when the line cannot be appended: the command must stop rather than write unrecorded */
    @Override
    public UpsertResult upsert(List<Lesion> lesions) {
        UpsertResult result = super.upsert(lesions);
        if (result.written() > 0) {
            Set<String> rejected = new HashSet<>();
            result.rejected().forEach(r -> rejected.add(r.lesionId()));
            Set<String> patients = new LinkedHashSet<>();
            for (Lesion lesion : lesions) {
                if (!rejected.contains(lesion.id().value())) {
                    patients.add(pseudonyms.patient(lesion.patientId()));
                }
            }
            List<String> written = new ArrayList<>(patients);
            append("UPSERT", written.size() == 1 ? written.getFirst() : null, written.size() > 1 ? written : null, null,
                    result.written());
        }
        return result;
    }

    @Override
    public boolean delete(LesionId id) {
        boolean deleted = super.delete(id);
        append("DELETE", null, null, pseudonyms.lesion(id.value()), deleted ? 1 : 0);
        return deleted;
    }

    private void append(String method, String patient, List<String> patients, String lesion, int results) {
        try {
            log.append(new AuditEvent(clock.instant(), "cli:" + user, "admin", method, command, 200, patient, patients, lesion,
                    results, "local"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the write in the audit log " + log.path() + ": " + e.getMessage(), e);
        }
    }
}
