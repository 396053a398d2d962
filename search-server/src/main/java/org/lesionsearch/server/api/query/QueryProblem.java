package org.lesionsearch.server.api.query;

import java.util.List;

/**
 * The error body for a query the language refuses: the usual error fields plus where in the
 * query the problem is and what the user may have meant.
 *
 * @param position 0-based character position in {@code q}
 * @param length characters from {@code position} the problem covers
 * @param pointer the query with a caret line under the problem
 */
public record QueryProblem(int status, String error, String message, String field, Integer position, Integer length,
        List<String> suggestions, String pointer) {
}
