package org.lesionsearch.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiHarness.Reply;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.api.json.ApiJson;
import org.lesionsearch.server.api.query.Pseudonyms;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.limits.RequestLimits;

/**
 * A real API server with tokens, an audit log and limits on a random loopback port over a real
 * Lucene index, with one token per role (named after the role) and a client that sends them.
 */
public final class SecuredServer implements AutoCloseable {

    public static final byte[] PSEUDONYM_KEY = "a test pseudonym key of 32 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    public final ObjectMapper mapper = ApiJson.mapper();
    public final Pseudonyms pseudonyms = new Pseudonyms(PSEUDONYM_KEY);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Role, String> bearers = new LinkedHashMap<>();
    private final TokenFile tokens;
    private final Path auditFile;
    private final LesionIndex index;
    private final ServerSecurity security;
    private final ApiServer server;

    private SecuredServer(Path dir, LesionIndex index, RequestLimits.Settings limits, Map<Role, Double> rates) throws IOException {
        this.tokens = new TokenFile(dir.resolve("tokens.json"));
        this.auditFile = dir.resolve("audit.jsonl");
        this.index = index;
        TokenSecrets secrets = new TokenSecrets(new SecureRandom());
        List<StoredToken> stored = new ArrayList<>();
        for (Role role : Role.values()) {
            IssuedToken issued = secrets.issue(role.wireName(), role, rates.get(role), Instant.now());
            bearers.put(role, issued.bearer());
            stored.add(issued.stored());
        }
        tokens.update(existing -> stored);
        this.security = new ServerSecurity(TokenVerifier.load(tokens), AuditLog.open(auditFile), limits, null);
        ApiContext context = ApiContext.of(ServerConfig.defaults().withPort(0), index).withPseudonyms(pseudonyms);
        this.server = ApiServer.create(context, security).start();
    }

    /** A server over a new Lucene index in {@code dir}, default limits without a rate limit. */
    public static SecuredServer start(Path dir) throws IOException {
        return start(dir, RequestLimits.Settings.defaults().withRatePerSecond(0), Map.of());
    }

    public static SecuredServer start(Path dir, RequestLimits.Settings limits, Map<Role, Double> rates) throws IOException {
        return new SecuredServer(dir, LuceneLesionIndex.open(dir.resolve("index"), LuceneIndexOptions.defaults()), limits, rates);
    }

    /** A server over {@code index}, which it closes. */
    public static SecuredServer over(Path dir, LesionIndex index, RequestLimits.Settings limits) throws IOException {
        return new SecuredServer(dir, index, limits, Map.of());
    }

    public LesionIndex index() {
        return index;
    }

    public TokenFile tokens() {
        return tokens;
    }

    public Path auditFile() {
        return auditFile;
    }

    public ApiServer server() {
        return server;
    }

    /** Closes the audit log under the running server, as a failing disk would. */
    public void closeAuditLog() throws IOException {
        security.audit().close();
    }

    public String bearer(Role role) {
        return bearers.get(role);
    }

    public Reply get(Role role, String path) {
        return send(role == null ? null : bearer(role), "GET", path, null, null);
    }

    public Reply post(Role role, String path, String json) {
        return send(role == null ? null : bearer(role), "POST", path, json, "application/json");
    }

    public Reply send(String bearer, String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Reply.exchange(client, request.build(), mapper);
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            try {
                index.close();
            } finally {
                security.close();
            }
        }
    }
}
