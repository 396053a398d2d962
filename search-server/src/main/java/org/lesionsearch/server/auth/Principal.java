package org.lesionsearch.server.auth;

/**
 * Who is asking: the token's name and role, never the token itself.
 *
 * @param name the token's name, or {@value #LOCAL_NAME} on a server without tokens
 * @param role what it may do
 * @param ratePerSecond the token's own request rate limit, or {@code null} for the server's default
 */
public record Principal(String name, Role role, Double ratePerSecond) {

    public static final String LOCAL_NAME = "local";

    /** Whoever reaches a server without tokens, which listens on the loopback interface only. */
    public static final Principal LOCAL = new Principal(LOCAL_NAME, Role.ADMIN, null);
}
