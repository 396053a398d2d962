package org.lesionsearch.query.ast;

import java.util.Optional;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.LesionId;

/**
 * A parsed query: a filter expression and the options that apply to the whole query.
 *
 * @param filter the filter, or {@code null} for every lesion
 * @param similar lesion to use as the example ({@code similar:}), or {@code null}
 * @param k hits wanted ({@code k:}), or {@code null} for the caller's default
 * @param sort result order ({@code sort:}), or {@code null} for relevance
 */
public record Query(Expr filter, LesionId similar, Integer k, SortOrder sort) {

    public static final int MAX_K = 1000;

    public Query {
        if (k != null && (k < 1 || k > MAX_K)) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", was " + k);
        }
    }

    public static Query of(Expr filter) {
        return new Query(filter, null, null, null);
    }

    public Optional<Expr> filterExpr() {
        return Optional.ofNullable(filter);
    }

    public boolean hasOptions() {
        return similar != null || k != null || sort != null;
    }
}
