package org.lesionsearch.server.bench.load;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints {@link LoadFigures} as a table, the baseline beside the run with ingestion, and the targets. */
public final class LoadTable {

    public static final double TARGET_SEARCHES_PER_SECOND = 500;
    public static final double TARGET_P99_MS = 50;

    private LoadTable() {
    }

    public static void print(LoadFigures f, PrintWriter out) {
        out.printf(Locale.ROOT, "Load: GET /api/search?q= with mixed queries over HTTP (tokens, audit log and limits on),"
                + " %,d lesions, %d clients, %d CPUs%n%n", f.lesions(), f.clients(), f.cpus());
        String format = "%-26s %7s %9s %10s %8s %8s %8s %8s %5s %5s %6s %9s %11s%n";
        out.printf(Locale.ROOT, format, "phase", "seconds", "searches", "searches/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "5xx", "4xx", "failed", "ingested", "ingested/s");
        for (LoadFigures.Phase p : f.phases()) {
            out.printf(Locale.ROOT, format, p.name(), fmt(p.seconds(), 1), String.format(Locale.ROOT, "%,d", p.searches()),
                    fmt(p.searchesPerSecond(), 0), fmt(p.p50Ms(), 2), fmt(p.p90Ms(), 2), fmt(p.p99Ms(), 2), fmt(p.maxMs(), 1),
                    p.serverErrors(), p.clientErrors(), p.failed(), String.format(Locale.ROOT, "%,d", p.ingested()),
                    fmt(p.ingestPerSecond(), 0));
        }
        // the steady phase when there is one: flat-out writes measure how the cores were shared
        LoadFigures.Phase loaded = f.phases().size() > 2 ? f.phases().get(1) : f.phases().getLast();
        boolean met = loaded.searchesPerSecond() >= TARGET_SEARCHES_PER_SECOND && loaded.p99Ms() <= TARGET_P99_MS
                && loaded.serverErrors() == 0;
        out.printf(Locale.ROOT, "%ntarget for '%s': >= %.0f searches/s, p99 <= %.0f ms, no 5xx: %s%n", loaded.name(),
                TARGET_SEARCHES_PER_SECOND, TARGET_P99_MS, met ? "met" : "NOT met");
        out.flush();
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
