package org.lesionsearch.server.auth;

import io.javalin.http.Context;
import java.util.Optional;

/** The principal of a request, as {@link AccessControl} found it. */
public final class Principals {

    static final String ATTRIBUTE = "lesionsearch.principal";

    private Principals() {
    }

    /** The request's principal when access control found one (none on public routes). */
    public static Optional<Principal> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Whether the request's answer must be de-identified whatever it asked for. */
    public static boolean deidentifiedOnly(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        return p != null && p.role().deidentifiedOnly();
    }

    static void set(Context ctx, Principal principal) {
        ctx.attribute(ATTRIBUTE, principal);
    }
}
