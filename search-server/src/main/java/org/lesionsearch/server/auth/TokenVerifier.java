package org.lesionsearch.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks bearer tokens against the token file, and notices when the file changes (at most one
 * look per second), so that a token created or revoked while the server runs counts at once
 * without a restart. When the file becomes unreadable every token is refused until it is fixed:
 * a revocation must never be undone by a broken file. Thread-safe.
 */
public final class TokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(TokenVerifier.class);
    static final long RECHECK_NANOS = 1_000_000_000L;

    /** The token file cannot be read, so nobody can be let in. */
    public static final class TokenFileUnreadable extends RuntimeException {
        TokenFileUnreadable(String message) {
            super(message);
        }
    }

    /** What was last read: tokens by id, the file's stamp, or why it could not be read. */
    private record Snapshot(Map<String, StoredToken> byId, String stamp, String error) {
    }

    private final TokenFile file;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    private TokenVerifier(TokenFile file, Snapshot first) {
        this.file = file;
        this.snapshot = first;
        this.checkedAt = System.nanoTime();
    }

    /** @throws IOException when the file cannot be read now: a server must not start on a broken token file */
    public static TokenVerifier load(TokenFile file) throws IOException {
        String stamp = stamp(file);
        return new TokenVerifier(file, new Snapshot(byId(file.read()), stamp, null));
    }

    public TokenFile file() {
        return file;
    }

    /** Tokens currently accepted. */
    public int size() {
        refreshIfDue();
        return snapshot.byId().size();
    }

    /**
     * The principal of a valid token, empty for an unknown, revoked or malformed one.
     *
     * @throws TokenFileUnreadable when the token file is broken
     */
    public Optional<Principal> verify(String bearer) {
        refreshIfDue();
        Snapshot current = snapshot;
        if (current.error() != null) {
            throw new TokenFileUnreadable(current.error());
        }
        return TokenSecrets.parse(bearer)
                .flatMap(p -> Optional.ofNullable(current.byId().get(p.id())).filter(t -> TokenSecrets.matches(t, p.secret())))
                .map(StoredToken::principal);
    }

    private void refreshIfDue() {
        long now = System.nanoTime();
        if (now - checkedAt < RECHECK_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - checkedAt < RECHECK_NANOS) {
                return;
            }
            checkedAt = now;
            try {
                String stamp = stamp(file);
                if (stamp.equals(snapshot.stamp()) && snapshot.error() == null) {
                    return;
                }
                List<StoredToken> tokens = file.read();
                snapshot = new Snapshot(byId(tokens), stamp, null);
                LOG.info("Token file {} changed: {} tokens", file.path(), tokens.size());
            } catch (IOException | RuntimeException e) {
                String why = "the token file " + file.path() + " cannot be read (" + e.getMessage()
                        + "); every token is refused until it is fixed";
                if (snapshot.error() == null) {
                    LOG.error("{}", why);
                }
                snapshot = new Snapshot(Map.of(), null, why);
            }
        }
    }

    private static String stamp(TokenFile file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
        } catch (NoSuchFileException e) {
            return "missing";
        }
    }

    private static Map<String, StoredToken> byId(List<StoredToken> tokens) {
        return tokens.stream().collect(Collectors.toUnmodifiableMap(StoredToken::id, Function.identity()));
    }
}
