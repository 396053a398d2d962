package org.lesionsearch.server.evaluation;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.lesionsearch.core.tracking.evaluation.MatchingReport;

/** Matching reports side by side, one column per cohort, as a table or as JSON-ready maps. */
public final class MatchingTable {

    private record Row(String name, Function<MatchingReport, String> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("patients", r -> Integer.toString(r.patients())),
            new Row("studies", r -> Integer.toString(r.studies())),
            new Row("lesions", r -> Integer.toString(r.lesions())),
            new Row("queries (lesion, other study with it)", r -> Integer.toString(r.queries())),
            new Row("candidates per query", r -> fixed(r.meanCandidates(), 2)),
            new Row("top-1 matching accuracy", r -> fixed(r.top1Accuracy(), 4)),
            new Row("  baseline: nearest location", r -> fixed(r.nearestTop1Accuracy(), 4)),
            new Row("matched to the true lesion", r -> fixed(r.decisionAccuracy(), 4)),
            new Row("new/gone lesions (absent from study)", r -> Integer.toString(r.absentQueries())),
            new Row("  false matches", r -> r.absentQueries() == 0 ? "n/a"
                    : r.absentFalseMatches() + " (" + fixed(r.absentFalseMatchRate(), 4) + ")"),
            new Row("true lesion removed from study", r -> Integer.toString(r.removedQueries())),
            new Row("  false matches", r -> r.removedQueries() == 0 ? "n/a"
                    : r.removedFalseMatches() + " (" + fixed(r.removedFalseMatchRate(), 4) + ")"),
            new Row("tracks", r -> Integer.toString(r.tracks())),
            new Row("track purity", r -> fixed(r.trackPurity(), 4)),
            new Row("track completeness", r -> fixed(r.trackCompleteness(), 4)),
            new Row("ms per query", r -> fixed(r.millisPerQuery(), 3)));

    private MatchingTable() {
    }

    public static void print(Map<String, MatchingReport> reports, PrintWriter out) {
        int nameWidth = ROWS.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        List<String> columns = List.copyOf(reports.keySet());
        int[] widths = columns.stream().mapToInt(c -> Math.max(c.length(), 12)).toArray();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", ""));
        for (int i = 0; i < columns.size(); i++) {
            header.append("  ").append(String.format(Locale.ROOT, "%" + widths[i] + "s", columns.get(i)));
        }
        out.println(header);
        for (Row row : ROWS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s", row.name()));
            for (int i = 0; i < columns.size(); i++) {
                line.append("  ").append(String.format(Locale.ROOT, "%" + widths[i] + "s", row.value().apply(reports.get(columns.get(i)))));
            }
            out.println(line);
        }
        out.flush();
    }

    /** The same figures as maps for JSON, rates as numbers ({@code null} when undefined). */
    public static Map<String, Object> json(MatchingReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cohort", r.cohort());
        m.put("patients", r.patients());
        m.put("studies", r.studies());
        m.put("lesions", r.lesions());
        m.put("queries", r.queries());
        m.put("meanCandidates", finite(r.meanCandidates()));
        m.put("top1Accuracy", finite(r.top1Accuracy()));
        m.put("top1Correct", r.top1Correct());
        m.put("nearestLocationTop1Accuracy", finite(r.nearestTop1Accuracy()));
        m.put("decisionAccuracy", finite(r.decisionAccuracy()));
        m.put("absentQueries", r.absentQueries());
        m.put("absentFalseMatches", r.absentFalseMatches());
        m.put("absentFalseMatchRate", finite(r.absentFalseMatchRate()));
        m.put("removedTruthQueries", r.removedQueries());
        m.put("removedTruthFalseMatches", r.removedFalseMatches());
        m.put("removedTruthFalseMatchRate", finite(r.removedFalseMatchRate()));
        m.put("tracks", r.tracks());
        m.put("trackPurity", finite(r.trackPurity()));
        m.put("trackCompleteness", finite(r.trackCompleteness()));
        m.put("millisPerQuery", finite(r.millisPerQuery()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String fixed(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "n/a";
    }
}
