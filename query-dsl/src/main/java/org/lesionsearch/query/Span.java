package org.lesionsearch.query;

/** Where something was written in the query text: {@code [start, end)} in chars. */
public record Span(int start, int end) {

    public static final Span UNKNOWN = new Span(-1, -1);

    public boolean known() {
        return start >= 0;
    }
}
