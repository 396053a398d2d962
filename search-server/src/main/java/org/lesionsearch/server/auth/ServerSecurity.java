package org.lesionsearch.server.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.audit.AuditTrail;
import org.lesionsearch.server.limits.RateLimiter;
import org.lesionsearch.server.limits.RequestLimits;
import org.lesionsearch.server.tls.TlsConnector;
import org.lesionsearch.server.tls.TlsSettings;

/**
 * How a server guards its API: bearer tokens with roles ({@code null}: none, loopback only), the
 * audit log ({@code null}: none), request limits ({@code null}: none) and HTTPS ({@code null}: plain HTTP).
 */
public record ServerSecurity(TokenVerifier tokens, AuditLog audit, RequestLimits.Settings limits, TlsSettings tls)
        implements AutoCloseable {

    /** No tokens, no audit, no limits, plain HTTP: a server for this machine only (tests, demos). */
    public static ServerSecurity none() {
        return new ServerSecurity(null, null, null, null);
    }

    public boolean authenticates() {
        return tokens != null;
    }

    public boolean https() {
        return tls != null;
    }

    /**
     * The route groups that go before every feature's: the HTTPS connector, access control, then
     * limits (which need to know the token), then the audit trail.
     *
     * @throws java.io.UncheckedIOException when the TLS certificate or key cannot be used
     */
    public List<Routes> routes(ApiContext context) {
        RoutePolicy policy = RoutePolicy.standard();
        List<Routes> routes = new ArrayList<>();
        if (tls != null) {
            routes.add(new TlsConnector(context.config(), tls));
        }
        routes.add(new AccessControl(tokens, policy));
        if (limits != null) {
            routes.add(new RequestLimits(limits, new RateLimiter()));
        }
        if (audit != null) {
            routes.add(new AuditTrail(audit, policy, context.pseudonyms(), context.bodies().mapper()));
        }
        return routes;
    }

    @Override
    public void close() throws IOException {
        if (audit != null) {
            audit.close();
        }
    }
}
