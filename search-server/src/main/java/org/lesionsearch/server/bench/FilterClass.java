package org.lesionsearch.server.bench;

import java.util.function.IntFunction;
import org.lesionsearch.core.index.Filter;

/**
 * One row of the benchmark: a kind of filter and, for each query, the filter it applies and the
 * lesions it lets through.
 *
 * @param name short name printed in the table
 * @param description what the filter is, e.g. the label chosen
 * @param selectivity mean fraction of lesions the filter lets through
 * @param filterOfQuery the filter of query {@code i}
 * @param members whether lesion {@code doc} (position in the workload) passes the filter of query {@code query}
 */
public record FilterClass(String name, String description, double selectivity, IntFunction<Filter> filterOfQuery,
        Membership members) {

    /** Membership test used by exact search, as fast as a bit test. */
    @FunctionalInterface
    public interface Membership {
        boolean test(int query, int doc);
    }
}
