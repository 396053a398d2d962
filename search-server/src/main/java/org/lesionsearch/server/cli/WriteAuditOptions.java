package org.lesionsearch.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.server.api.query.Pseudonyms;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.audit.AuditedWrites;
import picocli.CommandLine.Option;

/** The audit log of the commands that write an index ({@code import}, {@code index}): the one the server appends to. */
final class WriteAuditOptions {

    @Option(names = "--audit-log", paramLabel = "FILE",
            description = "Append a JSON line per written batch: your user name, the patients' pseudonyms, how many lesions"
                    + " (default: " + SecurityOptions.AUDIT_FILE_NAME + " beside the token file of $"
                    + SecurityOptions.TOKENS_VARIABLE + " when it is set, where 'serve' writes its own; otherwise none).")
    Path auditLog;

    /** The log to append to, or {@code null} when none is configured. */
    AuditLog open() throws IOException {
        Path file = auditLog;
        String tokens = System.getenv(SecurityOptions.TOKENS_VARIABLE);
        if (file == null && tokens != null && !tokens.isBlank()) {
            file = Path.of(tokens).resolveSibling(SecurityOptions.AUDIT_FILE_NAME);
        }
        return file == null ? null : AuditLog.open(file);
    }

    /** {@code index} with its writes recorded in {@code log}; {@code index} itself without a log. */
    static LesionIndex audited(LesionIndex index, AuditLog log, String command) {
        return log == null ? index : new AuditedWrites(index, log, Pseudonyms.fromEnvironment(), "lesion-search " + command,
                System.getProperty("user.name", "unknown"), Clock.systemUTC());
    }
}
