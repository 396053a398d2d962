package org.lesionsearch.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One token as the token file keeps it: its public id and name, its role, and a salted SHA-256
 * hash of its secret, never the secret itself. A fast hash is enough here because the secret is
 * 256 random bits, not a password someone could guess; it keeps checking a token per request cheap.
 *
 * @param id public identifier, also the first part of the token, used to find its record
 * @param name who or what holds the token (shown in listings and in the audit log)
 * @param role what the token may do
 * @param salt random salt, Base64
 * @param hash SHA-256 of salt and secret, hex
 * @param created when the token was made
 * @param ratePerSecond requests per second this token may make, or {@code null} for the server's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredToken(String id, String name, Role role, String salt, String hash, Instant created,
        Double ratePerSecond) {

    static final Pattern ID = Pattern.compile("[0-9a-f]{12}");
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public StoredToken {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("token id must be 12 hex digits, was '" + id + "'");
        }
        requireName(name);
        if (role == null || salt == null || hash == null || created == null) {
            throw new IllegalArgumentException("token '" + name + "' lacks its role, salt, hash or creation time");
        }
        if (ratePerSecond != null && !(ratePerSecond > 0 && ratePerSecond <= 1_000_000)) {
            throw new IllegalArgumentException("token '" + name + "': the rate limit must be between 0 and 1000000"
                    + " requests per second, was " + ratePerSecond);
        }
    }

    /** @throws IllegalArgumentException when the name cannot be a token name */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name has 1 to 64 letters, digits, '.', '_', '@' or '-' and starts"
                    + " with a letter or digit, was '" + name + "'");
        }
        return name;
    }

    public Principal principal() {
        return new Principal(name, role, ratePerSecond);
    }
}
