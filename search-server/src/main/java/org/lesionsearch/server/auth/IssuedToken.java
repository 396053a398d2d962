package org.lesionsearch.server.auth;

/**
 * A token just made: its stored record and the bearer token, which is shown once and kept nowhere.
 *
 * @param stored what the token file keeps
 * @param bearer the {@code lst_...} value clients send as {@code Authorization: Bearer ...}
 */
public record IssuedToken(StoredToken stored, String bearer) {

    @Override
    public String toString() {
        return "IssuedToken[" + stored.name() + ", " + stored.role().wireName() + "]";
    }
}
