package org.lesionsearch.server.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.error.ErrorHandlers;

/**
 * Checks every matched request before its handler runs: the bearer token (the
 * {@code Authorization} header, or for reads the {@value #COOKIE} cookie, which images on the page
 * cannot do without) must be valid and its role must allow what the route gives ({@link RoutePolicy}).
 * Refusals are 401 with {@code WWW-Authenticate} (no or bad token) or 403 (role too weak). Without
 * a verifier (a server with no tokens, on the loopback interface only) everyone is
 * {@link Principal#LOCAL}.
 */
public final class AccessControl implements Routes {

    public static final String COOKIE = "lesion_search_token";
    static final String REALM = "Bearer realm=\"lesion-search\"";

    private final TokenVerifier tokens;
    private final RoutePolicy policy;

    /** @param tokens the token checker, or {@code null} for a server without tokens */
    public AccessControl(TokenVerifier tokens, RoutePolicy policy) {
        this.tokens = tokens;
        this.policy = policy;
    }

    public boolean authenticates() {
        return tokens != null;
    }

    @Override
    public void register(Javalin app) {
        app.beforeMatched(this::check);
        app.exception(TokenVerifier.TokenFileUnreadable.class, (e, ctx) -> ErrorHandlers.write(ctx, 503,
                "the server cannot check tokens right now; its log says why", null, null));
    }

    private void check(Context ctx) {
        MatchedEndpoint.remember(ctx);
        if (tokens == null) {
            Principals.set(ctx, Principal.LOCAL);
            return;
        }
        Access needed = policy.access(ctx.method().name(), ctx.endpointHandlerPath());
        if (needed == Access.PUBLIC) {
            return;
        }
        Optional<String> presented = bearer(ctx);
        if (presented.isEmpty()) {
            ctx.header("WWW-Authenticate", REALM);
            throw new ApiException(401, "this endpoint needs a token: send 'Authorization: Bearer <token>'"
                    + " (an administrator makes one with 'lesion-search token create')", null, null);
        }
        Principal principal = tokens.verify(presented.get()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
            return new ApiException(401, "the token is unknown or has been revoked", null, null);
        });
        // known before the role check, so that the audit trail names who was refused
        Principals.set(ctx, principal);
        if (!principal.role().allows(needed)) {
            throw new ApiException(403, "token '" + principal.name() + "' has role " + principal.role().wireName()
                    + ", which may not use " + ctx.method().name() + " " + ctx.endpointHandlerPath() + " (" + describe(needed)
                    + "; roles allowed: " + rolesAllowing(needed) + ")", null, null);
        }
    }

    /** The token from the Authorization header, else (for reads only, so that no write rides on a cookie) the cookie. */
    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            String[] parts = header.trim().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")) {
                return Optional.of(parts[1].trim());
            }
            return Optional.empty();
        }
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return Optional.ofNullable(ctx.cookie(COOKIE)).filter(c -> !c.isBlank());
        }
        return Optional.empty();
    }

    private static String describe(Access access) {
        return switch (access) {
            case PUBLIC -> "open to all";
            case AUTHENTICATED -> "any valid token";
            case DEIDENTIFIED -> "de-identified lesions";
            case IDENTIFIED -> "identified patient data";
            case WRITE -> "it writes to the index";
            case ADMIN -> "administration";
        };
    }

    private static String rolesAllowing(Access access) {
        return Arrays.stream(Role.values()).filter(r -> r.allows(access)).map(Role::wireName)
                .collect(Collectors.joining(", "));
    }
}
