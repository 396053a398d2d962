package org.lesionsearch.server.bench.query;

import java.io.PrintWriter;
import java.util.Locale;

/** {@link QueryBenchFigures} as two tables. */
public final class QueryBenchTable {

    private QueryBenchTable() {
    }

    public static void print(QueryBenchFigures f, PrintWriter out) {
        out.printf(Locale.ROOT, "Query language at %,d lesions, %d timed queries per row (milliseconds)%n%n",
                f.lesions(), f.timedQueries());
        int width = f.parsing().stream().mapToInt(r -> r.query().length()).max().orElse(10);
        out.printf(Locale.ROOT, "%-" + width + "s  %9s  %9s  %14s  %14s%n", "parse and plan", "parse p50", "parse p99",
                "parse+plan p50", "parse+plan p99");
        for (QueryBenchFigures.ParseRow r : f.parsing()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %9.4f  %9.4f  %14.4f  %14.4f%n", r.query(), r.parseP50Ms(),
                    r.parseP99Ms(), r.planP50Ms(), r.planP99Ms());
        }
        out.println();
        int classWidth = f.searches().stream().mapToInt(r -> r.queryClass().length()).max().orElse(10);
        out.printf(Locale.ROOT, "%-" + classWidth + "s  %14s  %14s  %8s  %8s  %6s  %9s%n", "search", "in-process p50",
                "in-process p99", "HTTP p50", "HTTP p99", "hits", "matches");
        for (QueryBenchFigures.SearchRow r : f.searches()) {
            out.printf(Locale.ROOT, "%-" + classWidth + "s  %14s  %14s  %8.3f  %8.3f  %6.1f  %9.0f%n", r.queryClass(),
                    ms(r.inProcessP50Ms()), ms(r.inProcessP99Ms()), r.httpP50Ms(), r.httpP99Ms(), r.meanHits(),
                    r.meanTotal());
        }
        out.flush();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
