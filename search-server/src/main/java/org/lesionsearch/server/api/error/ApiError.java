package org.lesionsearch.server.api.error;

import java.util.List;

/**
 * The body of every error answer.
 *
 * @param status the HTTP status, repeated for clients that only see the body
 * @param error the status's reason phrase
 * @param message what went wrong, in words a user can act on
 * @param field the request field at fault ({@code filter.labels.all[1]}, {@code [3].embedding}), or {@code null}
 * @param details further problems, e.g. every violation of an invalid lesion, or {@code null}
 */
public record ApiError(int status, String error, String message, String field, List<Detail> details) {

    /** One further problem: the field and what is wrong with it. */
    public record Detail(String field, String message) {
    }
}
