package org.lesionsearch.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders {@link BenchFigures} as a text table: one row per filter class, one column group per engine. */
public final class BenchTable {

    /** The targets of the embedded index at 100k lesions. */
    public static final double TARGET_RECALL = 0.99, TARGET_P50_MS = 0.5, TARGET_P99_MS = 2.0, TARGET_IMPORT_PER_S = 2000;

    private BenchTable() {
    }

    public static String render(BenchFigures figures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Filtered vector search: %,d lesions (seed %d), %,d queries per class, k=%d, %d CPUs%n",
                figures.lesions(), figures.seed(), figures.queries(), figures.k(), figures.cpus()));
        figures.setups().forEach(line -> out.append(line).append(System.lineSeparator()));
        for (BenchFigures.EngineFigures e : figures.engines()) {
            if (e.importSeconds() != null) {
                out.append(String.format(Locale.ROOT,
                        "%s: import %,.0f lesions/s (%.1f s), merge %.1f s, index %s on disk, RSS %s, heap %s%n", e.name(),
                        e.importLesionsPerSecond(), e.importSeconds(), e.mergeSeconds(), bytes(e.indexBytes()),
                        bytes(e.rssBytes()), bytes(e.heapUsedBytes())));
            } else if (e == figures.engines().getFirst()) {
                out.append(String.format(Locale.ROOT, "%s: reused index, %s on disk, RSS %s, heap %s%n", e.name(),
                        bytes(e.indexBytes()), bytes(e.rssBytes()), bytes(e.heapUsedBytes())));
            }
        }
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("filter", "selectivity"));
        for (BenchFigures.EngineFigures e : figures.engines()) {
            header.addAll(List.of(e.name() + " plan", "recall@" + figures.k(), "p50 ms", "p99 ms", "cpu p50"));
        }
        rows.add(header.toArray(String[]::new));
        int classes = figures.engines().isEmpty() ? 0 : figures.engines().getFirst().classes().size();
        for (int c = 0; c < classes; c++) {
            BenchFigures.ClassFigures first = figures.engines().getFirst().classes().get(c);
            List<String> row = new ArrayList<>(List.of(first.filterClass(), percent(first.selectivity())));
            for (BenchFigures.EngineFigures e : figures.engines()) {
                BenchFigures.ClassFigures f = e.classes().get(c);
                row.addAll(List.of(f.plan(), String.format(Locale.ROOT, "%.3f", f.recallAt10()),
                        String.format(Locale.ROOT, "%.3f", f.p50Ms()), String.format(Locale.ROOT, "%.3f", f.p99Ms()),
                        String.format(Locale.ROOT, "%.3f", f.cpuP50Ms())));
            }
            rows.add(row.toArray(String[]::new));
        }
        out.append(columns(rows));
        out.append("cpu p50: median CPU time of the searching thread, the query's cost without waiting for a core")
                .append(System.lineSeparator());
        if (!figures.engines().isEmpty()) {
            out.append('\n').append(targets(figures.engines().getFirst()));
        }
        out.append(comparison(figures, "elasticsearch", "lucene"));
        return out.toString();
    }

    /**
     * How one backend's own search compares with another's in the same run: latency ratios per
     * filter class, import throughput ratio, and whether both reach the recall target; empty when
     * the run did not measure both.
     */
    static String comparison(BenchFigures figures, String name, String base) {
        BenchFigures.EngineFigures a = engine(figures, name), b = engine(figures, base);
        if (a == null || b == null) {
            return "";
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(name + " / " + base));
        List<String> p50 = new ArrayList<>(List.of("p50 latency"));
        List<String> p99 = new ArrayList<>(List.of("p99 latency"));
        List<String> cpu = new ArrayList<>(List.of("cpu p50"));
        List<String> missed = new ArrayList<>();
        for (int c = 0; c < a.classes().size(); c++) {
            BenchFigures.ClassFigures fa = a.classes().get(c), fb = b.classes().get(c);
            header.add(fa.filterClass());
            p50.add(ratio(fa.p50Ms(), fb.p50Ms()));
            p99.add(ratio(fa.p99Ms(), fb.p99Ms()));
            cpu.add(ratio(fa.cpuP50Ms(), fb.cpuP50Ms()));
            for (BenchFigures.ClassFigures f : List.of(fa, fb)) {
                if (f.recallAt10() < TARGET_RECALL) {
                    missed.add(String.format(Locale.ROOT, "%s %s %.3f", f == fa ? name : base, f.filterClass(), f.recallAt10()));
                }
            }
        }
        rows.add(header.toArray(String[]::new));
        rows.add(p50.toArray(String[]::new));
        rows.add(p99.toArray(String[]::new));
        rows.add(cpu.toArray(String[]::new));
        StringBuilder out = new StringBuilder(System.lineSeparator());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + (name.length() + base.length() + 3) + "s", row[0]));
            for (int i = 1; i < row.length; i++) {
                line.append("  ").append(String.format("%" + Math.max(rows.getFirst()[i].length(), 7) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        if (a.importLesionsPerSecond() != null && b.importLesionsPerSecond() != null) {
            out.append(String.format(Locale.ROOT, "import throughput: %,.0f vs %,.0f lesions/s (%s)%n",
                    a.importLesionsPerSecond(), b.importLesionsPerSecond(),
                    ratio(a.importLesionsPerSecond(), b.importLesionsPerSecond())));
        }
        out.append(String.format(Locale.ROOT, "recall@%d >= %.2f on both: %s%n", figures.k(), TARGET_RECALL,
                missed.isEmpty() ? "yes" : "no (" + String.join("; ", missed) + ")"));
        return out.toString();
    }

    private static BenchFigures.EngineFigures engine(BenchFigures figures, String name) {
        return figures.engines().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    private static String ratio(double a, double b) {
        return b > 0 ? String.format(Locale.ROOT, "x%.2f", a / b) : "n/a";
    }

    /** Which targets the first engine misses, in one line. */
    static String targets(BenchFigures.EngineFigures e) {
        List<String> missed = new ArrayList<>();
        for (BenchFigures.ClassFigures f : e.classes()) {
            if (f.recallAt10() < TARGET_RECALL) {
                missed.add(String.format(Locale.ROOT, "%s recall %.3f < %.2f", f.filterClass(), f.recallAt10(), TARGET_RECALL));
            }
            if (f.p50Ms() > TARGET_P50_MS) {
                missed.add(String.format(Locale.ROOT, "%s p50 %.3f ms > %.1f", f.filterClass(), f.p50Ms(), TARGET_P50_MS));
            }
            if (f.p99Ms() > TARGET_P99_MS) {
                missed.add(String.format(Locale.ROOT, "%s p99 %.3f ms > %.1f", f.filterClass(), f.p99Ms(), TARGET_P99_MS));
            }
        }
        if (e.importLesionsPerSecond() != null && e.importLesionsPerSecond() < TARGET_IMPORT_PER_S) {
            missed.add(String.format(Locale.ROOT, "import %.0f/s < %.0f", e.importLesionsPerSecond(), TARGET_IMPORT_PER_S));
        }
        String goal = String.format(Locale.ROOT, "targets for %s (recall@10 >= %.2f, p50 <= %.1f ms, p99 <= %.1f ms, import >= %.0f/s): ",
                e.name(), TARGET_RECALL, TARGET_P50_MS, TARGET_P99_MS, TARGET_IMPORT_PER_S);
        return goal + (missed.isEmpty() ? "all met" : "missed: " + String.join("; ", missed)) + System.lineSeparator();
    }

    private static String columns(List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? String.format("%-" + widths[i] + "s", row[i]) : String.format("%" + widths[i] + "s", row[i]);
                line.append(i == 0 ? "" : (i >= 2 && (i - 2) % 5 == 0 ? "  | " : "  ")).append(cell);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String percent(double fraction) {
        return fraction >= 0.01 ? String.format(Locale.ROOT, "%.1f%%", fraction * 100)
                : String.format(Locale.ROOT, "%.3f%%", fraction * 100);
    }

    static String bytes(long bytes) {
        if (bytes < 0) {
            return "n/a";
        }
        if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
