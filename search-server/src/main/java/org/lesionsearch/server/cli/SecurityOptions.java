package org.lesionsearch.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.auth.ServerSecurity;
import org.lesionsearch.server.auth.TokenFile;
import org.lesionsearch.server.auth.TokenVerifier;
import org.lesionsearch.server.limits.RequestLimits;
import org.lesionsearch.server.tls.TlsSettings;
import picocli.CommandLine.Option;

/** {@code serve}'s access options: tokens, audit log, HTTPS and request limits. */
final class SecurityOptions {

    static final String TOKENS_VARIABLE = "LESION_SEARCH_TOKENS";
    static final String AUDIT_FILE_NAME = "lesion-search-audit.jsonl";

    @Option(names = "--tokens", paramLabel = "FILE", defaultValue = "${env:" + TOKENS_VARIABLE + "}",
            description = "Token file made with 'lesion-search token create' (default: $" + TOKENS_VARIABLE + "). With"
                    + " tokens every API request needs one and its role decides what it sees; without, the server"
                    + " listens on the loopback address only.")
    Path tokens;

    @Option(names = "--audit-log", paramLabel = "FILE",
            description = "Append a JSON line per access to identified patient data and per write (default with --tokens:"
                    + " " + AUDIT_FILE_NAME + " beside the token file; without tokens: none).")
    Path auditLog;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate (chain), PEM.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key, unencrypted PKCS#8 PEM.")
    Path tlsKey;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "" + RequestLimits.Settings.DEFAULT_RATE_PER_SECOND,
            description = "Requests per second per token (per client address without tokens), bursts of twice that;"
                    + " over it: 429 with Retry-After. A token's own limit wins. 0 for none (default: ${DEFAULT-VALUE}).")
    double ratePerSecond;

    @Option(names = "--max-query-chars", paramLabel = "N", defaultValue = "" + RequestLimits.Settings.DEFAULT_MAX_PARAMETER_CHARS,
            description = "Longest query parameter, the search query included (default: ${DEFAULT-VALUE}).")
    int maxQueryChars;

    @Option(names = "--search-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest wait for one search, count or lookup before the request gets 503 (default: ${DEFAULT-VALUE}).")
    double searchTimeoutSeconds;

    Duration searchTimeout() {
        if (!(searchTimeoutSeconds > 0 && searchTimeoutSeconds <= 3600)) {
            throw new IllegalArgumentException("--search-timeout must be between 0 and 3600 seconds, was " + searchTimeoutSeconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(searchTimeoutSeconds * 1000)));
    }

    /**
     * The security these options ask for.
     *
     * @throws IllegalArgumentException for contradictory options or a token file without tokens
     * @throws IOException when the token file or the audit log cannot be used
     */
    ServerSecurity security() throws IOException {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("HTTPS needs both --tls-cert and --tls-key");
        }
        RequestLimits.Settings limits = new RequestLimits.Settings(maxQueryChars, RequestLimits.Settings.DEFAULT_MAX_PARAMETERS,
                ratePerSecond);
        TokenVerifier verifier = null;
        if (tokens != null) {
            verifier = TokenVerifier.load(new TokenFile(tokens));
            if (verifier.size() == 0) {
                throw new IllegalArgumentException("the token file " + verifier.file().path() + " holds no tokens; make one"
                        + " with 'lesion-search token create NAME --role ROLE --tokens " + tokens + "'");
            }
        }
        Path audit = auditLog != null ? auditLog
                : verifier != null ? verifier.file().path().resolveSibling(AUDIT_FILE_NAME) : null;
        return new ServerSecurity(verifier, audit == null ? null : AuditLog.open(audit), limits,
                tlsCertificate == null ? null : new TlsSettings(tlsCertificate, tlsKey));
    }
}
