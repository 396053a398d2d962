package org.lesionsearch.server.api.lesions;

import java.util.List;
import org.lesionsearch.server.api.error.ApiError;

/**
 * What {@code POST /api/lesions} did: lesions written (and committed) and those refused.
 *
 * @param written lesions written and committed
 * @param rejected the refused ones, by position in the request
 */
public record UpsertAnswer(int written, List<Rejection> rejected) {

    /**
     * @param position index of the lesion in the request (0 for a single lesion)
     * @param id its id when it had a readable one
     * @param reason why it was refused
     * @param violations every offending field
     * @param malformed whether the record could not even be read (wrong JSON types, unknown fields)
     *     rather than failing validation
     */
    public record Rejection(int position, String id, String reason, List<ApiError.Detail> violations, boolean malformed) {
    }
}
