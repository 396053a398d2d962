package org.lesionsearch.server.limits;

import org.lesionsearch.core.index.IndexException;

/** A search did not finish in time, or could not even start because the server is saturated. */
public final class SearchTimeoutException extends IndexException {

    private final boolean busy;

    SearchTimeoutException(String message, boolean busy) {
        super(message);
        this.busy = busy;
    }

    /** Whether the search was refused before it started (too many waiting), rather than abandoned. */
    public boolean busy() {
        return busy;
    }
}
