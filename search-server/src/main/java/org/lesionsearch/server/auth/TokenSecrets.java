package org.lesionsearch.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Makes and checks bearer tokens of the form {@code lst_<id>_<secret>}: a 12-hex-digit public id
 * that finds the token's record, and 32 random bytes of secret (Base64url) checked against the
 * record's salted hash in constant time.
 */
public final class TokenSecrets {

    public static final String PREFIX = "lst_";
    private static final int ID_LENGTH = 12;
    private static final int MAX_TOKEN_LENGTH = 200;

    /** A token split into its parts; the secret stays in memory only as long as the request. */
    record Parsed(String id, String secret) {
    }

    private final SecureRandom random;

    public TokenSecrets(SecureRandom random) {
        this.random = random;
    }

    /** A new token: the record to store and the secret to hand over once. */
    public IssuedToken issue(String name, Role role, Double ratePerSecond, Instant now) {
        byte[] idBytes = new byte[ID_LENGTH / 2];
        random.nextBytes(idBytes);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        StoredToken stored = new StoredToken(id, StoredToken.requireName(name), role,
                Base64.getEncoder().encodeToString(salt), HexFormat.of().formatHex(hash(salt, secret)), now, ratePerSecond);
        return new IssuedToken(stored, PREFIX + id + "_" + secret);
    }

    /** The id and secret of a presented token, or empty when it does not have the token's shape. */
    static Optional<Parsed> parse(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)
                || token.length() < PREFIX.length() + ID_LENGTH + 2 || token.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        if (!StoredToken.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(id, token.substring(PREFIX.length() + ID_LENGTH + 1)));
    }

    /** Whether the secret is the one the record was made from. */
    static boolean matches(StoredToken stored, String secret) {
        byte[] expected;
        byte[] salt;
        try {
            expected = HexFormat.of().parseHex(stored.hash());
            salt = Base64.getDecoder().decode(stored.salt());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return MessageDigest.isEqual(expected, hash(salt, secret));
    }

    private static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
