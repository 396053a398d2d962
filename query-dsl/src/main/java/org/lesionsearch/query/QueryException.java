package org.lesionsearch.query;

import java.util.List;

/**
 * A query the language cannot accept, with the reason in words a user can act on, where in the
 * query the problem is, and suggestions when the problem is an unknown word or field.
 */
public class QueryException extends IllegalArgumentException {

    private final String reason;
    private final Span span;
    private final List<String> suggestions;

    public QueryException(String reason, Span span, List<String> suggestions) {
        super(message(reason, span, suggestions));
        this.reason = reason;
        this.span = span == null ? Span.UNKNOWN : span;
        this.suggestions = List.copyOf(suggestions);
    }

    public QueryException(String reason, Span span) {
        this(reason, span, List.of());
    }

    /** The reason alone, without position or suggestions. */
    public String reason() {
        return reason;
    }

    /** 0-based char position of the problem in the query, or -1 when it has none. */
    public int position() {
        return span.start();
    }

    public Span span() {
        return span;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    /** The query with a caret line under the problem, for terminals. */
    public String pointer(String query) {
        if (!span.known() || span.start() > query.length()) {
            return query;
        }
        int width = Math.max(1, Math.min(span.end(), query.length()) - span.start());
        return query + System.lineSeparator() + " ".repeat(span.start()) + "^".repeat(width);
    }

    private static String message(String reason, Span span, List<String> suggestions) {
        StringBuilder sb = new StringBuilder(reason);
        if (span != null && span.known()) {
            sb.append(" (at position ").append(span.start()).append(')');
        }
        if (!suggestions.isEmpty()) {
            sb.append("; did you mean ").append(String.join(", ", suggestions)).append('?');
        }
        return sb.toString();
    }
}
