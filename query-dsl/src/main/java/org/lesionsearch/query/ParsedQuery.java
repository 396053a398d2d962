package org.lesionsearch.query;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.query.ast.Expr;
import org.lesionsearch.query.ast.Query;

/**
 * A query's tree with where each node was written, so that later stages (label resolution,
 * consistency checks) can point at the words they reject. Positions are kept beside the tree,
 * not in it, so that trees compare equal whatever their spelling.
 */
public final class ParsedQuery {

    private final String source;
    private final Query query;
    private final Map<Object, Span> spans;
    private final Map<Expr.Text, List<Span>> wordSpans;

    ParsedQuery(String source, Query query, IdentityHashMap<Object, Span> spans,
            IdentityHashMap<Expr.Text, List<Span>> wordSpans) {
        this.source = source;
        this.query = query;
        this.spans = spans;
        this.wordSpans = wordSpans;
    }

    /** A tree built in code, without positions. */
    public static ParsedQuery of(Query query) {
        return new ParsedQuery(QueryPrinter.print(query), query, new IdentityHashMap<>(), new IdentityHashMap<>());
    }

    public String source() {
        return source;
    }

    public Query query() {
        return query;
    }

    /** Where a node of {@link #query()} was written, or {@link Span#UNKNOWN}. */
    public Span span(Object node) {
        return spans.getOrDefault(node, Span.UNKNOWN);
    }

    /** Where the word at {@code index} of a text node was written, or {@link Span#UNKNOWN}. */
    public Span wordSpan(Expr.Text text, int index) {
        List<Span> s = wordSpans.get(text);
        return s == null || index >= s.size() ? span(text) : s.get(index);
    }

    @Override
    public String toString() {
        return source;
    }
}
