package org.lesionsearch.server.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.lucene.util.IOUtils;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchPlan;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;

/**
 * Runs the benchmark: generates the workload, computes exact neighbours, imports into each
 * backend, then times every engine on every filter class.
 */
public final class BenchRunner {

    /**
     * @param indexDir where indexes go (one sub-directory per backend); {@code null} for a
     *     temporary directory removed afterwards
     */
    public record Settings(int lesions, long seed, int queries, int warmup, int k, Integer importThreads, int batchSize,
            Path indexDir) {
    }

    private final Settings settings;
    private final WorkloadGenerator generator;
    private final PrintStream progress;

    public BenchRunner(Settings settings, WorkloadGenerator generator, PrintStream progress) {
        this.settings = settings;
        this.generator = generator;
        this.progress = progress;
    }

    public BenchFigures run(List<BenchBackend> backends) throws Exception {
        long start = System.nanoTime();
        List<Lesion> lesions = generator.generate(settings.lesions(), settings.seed());
        List<float[]> queries = generator.queryVectors(settings.queries(), settings.seed());
        List<FilterClass> classes = FilterClasses.choose(lesions, settings.queries(), settings.seed());
        say("generated %,d lesions and %,d queries in %.1f s", lesions.size(), queries.size(), seconds(start));

        long truthStart = System.nanoTime();
        float[][] vectors = new float[lesions.size()][];
        String[] ids = new String[lesions.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = lesions.get(i).embedding();
            ids[i] = lesions.get(i).id().value();
        }
        int[][][] truth = ExactNeighbours.compute(vectors, queries, classes, settings.k(), Runtime.getRuntime().availableProcessors());
        vectors = null;
        say("exact neighbours of every query and filter class in %.1f s", seconds(truthStart));

        Path root = settings.indexDir() != null ? settings.indexDir() : Files.createTempDirectory("lesion-bench");
        List<ImportedIndex> imported = new ArrayList<>();
        List<BenchFigures.EngineFigures> engines = new ArrayList<>();
        try {
            for (BenchBackend backend : backends) {
                imported.add(importInto(backend, root.resolve(backend.name()), lesions));
            }
            lesions = null; // the searches need only the exact neighbours: let the workload be collected
            for (ImportedIndex index : imported) {
                engines.addAll(search(index, queries, classes, truth, ids));
            }
        } finally {
            for (ImportedIndex index : imported) {
                if (settings.indexDir() == null) {
                    index.backend().discard(index.index());
                }
                index.index().close();
            }
            if (settings.indexDir() == null) {
                IOUtils.rm(root);
            }
        }
        return new BenchFigures(settings.lesions(), settings.seed(), settings.queries(), settings.k(),
                Runtime.getRuntime().availableProcessors(), backends.stream().map(BenchBackend::setup)
                        .filter(line -> !line.isEmpty()).toList(), engines);
    }

    /** An open index with the figures of its import. */
    private record ImportedIndex(BenchBackend backend, LesionIndex index, Double rate, Double importSeconds,
            Double mergeSeconds) {
    }

    private ImportedIndex importInto(BenchBackend backend, Path dir, List<Lesion> lesions) throws Exception {
        LesionIndex index = backend.open(dir);
        try {
            long existing = index.count(Filter.all());
            if (existing == lesions.size()) {
                say("%s: reusing the %,d lesions already in %s (no import)", backend.name(), existing, dir);
                return new ImportedIndex(backend, index, null, null, null);
            }
            if (existing != 0) {
                throw new IllegalArgumentException("the index at " + dir + " holds " + existing
                        + " lesions; give an empty directory or one from a run with the same -n");
            }
            long importStart = System.nanoTime();
            long importCpu = MemoryFigures.processCpuNanos();
            importAll(index, lesions, settings.importThreads() != null ? settings.importThreads()
                    : backend.importThreads(Runtime.getRuntime().availableProcessors()));
            index.commit();
            double importSeconds = seconds(importStart);
            double rate = lesions.size() / importSeconds;
            say("%s: imported %,d lesions in %.1f s (%,.0f lesions/s, %.1f CPU s)", backend.name(), lesions.size(),
                    importSeconds, rate, (MemoryFigures.processCpuNanos() - importCpu) / 1e9);
            long mergeStart = System.nanoTime();
            long mergeCpu = MemoryFigures.processCpuNanos();
            backend.prepareForSearch(index);
            double mergeSeconds = seconds(mergeStart);
            say("%s: prepared for search in %.1f s (%.1f CPU s)", backend.name(), mergeSeconds,
                    (MemoryFigures.processCpuNanos() - mergeCpu) / 1e9);
            return new ImportedIndex(backend, index, rate, importSeconds, mergeSeconds);
        } catch (Exception | Error e) {
            index.close();
            throw e;
        }
    }

    private List<BenchFigures.EngineFigures> search(ImportedIndex imported, List<float[]> queries, List<FilterClass> classes,
            int[][][] truth, String[] ids) {
        long indexBytes = imported.index().stats().sizeOnDiskBytes();
        List<BenchBackend.SearchEngine> engines = imported.backend().engines(imported.index());
        // warm every engine on every class first, so that no class is timed while code is still being compiled
        for (int i = 0; i < settings.warmup(); i++) {
            for (BenchBackend.SearchEngine engine : engines) {
                for (FilterClass filterClass : classes) {
                    engine.search().apply(request(filterClass, queries, i % queries.size()));
                }
            }
        }
        List<List<BenchFigures.ClassFigures>> perEngine = new ArrayList<>();
        for (BenchBackend.SearchEngine engine : engines) {
            List<BenchFigures.ClassFigures> rows = new ArrayList<>();
            for (int c = 0; c < classes.size(); c++) {
                rows.add(measure(engine, classes.get(c), queries, truth[c], ids));
                say("%s: %s: p50 %.3f ms (CPU %.3f ms), p99 %.3f ms, recall %.3f", engine.name(), classes.get(c).name(),
                        rows.getLast().p50Ms(), rows.getLast().cpuP50Ms(), rows.getLast().p99Ms(), rows.getLast().recallAt10());
            }
            perEngine.add(rows);
        }
        BenchBackend.ProcessMemory memory = imported.backend().memory(imported.index());
        long rss = memory.rssBytes();
        long heap = memory.heapUsedBytes();
        List<BenchFigures.EngineFigures> out = new ArrayList<>();
        for (int e = 0; e < engines.size(); e++) {
            boolean own = e == 0;
            out.add(new BenchFigures.EngineFigures(engines.get(e).name(), own ? imported.rate() : null,
                    own ? imported.importSeconds() : null, own ? imported.mergeSeconds() : null, indexBytes, rss, heap,
                    perEngine.get(e)));
        }
        return out;
    }

    private void importAll(LesionIndex index, List<Lesion> lesions, int threads) throws Exception {
        int batch = settings.batchSize();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<UpsertResult>> results = new ArrayList<>();
            for (int from = 0; from < lesions.size(); from += batch) {
                List<Lesion> slice = lesions.subList(from, Math.min(lesions.size(), from + batch));
                results.add(pool.submit(() -> index.upsert(slice)));
            }
            for (Future<UpsertResult> r : results) {
                UpsertResult result = r.get();
                if (!result.rejected().isEmpty()) {
                    throw new IllegalStateException("the index refused generated lesions, e.g. "
                            + result.rejected().getFirst().reason());
                }
            }
        }
    }

    private BenchFigures.ClassFigures measure(BenchBackend.SearchEngine engine, FilterClass filterClass, List<float[]> queries,
            int[][] truth, String[] ids) {
        int n = queries.size();
        Latencies latencies = new Latencies(n);
        Latencies cpu = new Latencies(n);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<SearchPlan, Integer> plans = new EnumMap<>(SearchPlan.class);
        double recall = 0;
        for (int q = 0; q < n; q++) {
            SearchRequest request = request(filterClass, queries, q);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SearchResult result = engine.search().apply(request);
            latencies.add(System.nanoTime() - t0);
            cpu.add(threads.getCurrentThreadCpuTime() - cpu0);
            plans.merge(result.plan(), 1, Integer::sum);
            recall += recall(result, truth[q], ids);
        }
        return new BenchFigures.ClassFigures(filterClass.name(), filterClass.description(), filterClass.selectivity(),
                describePlans(plans, n), recall / n, latencies.percentileMs(50), latencies.percentileMs(99),
                cpu.percentileMs(50));
    }

    private SearchRequest request(FilterClass filterClass, List<float[]> queries, int q) {
        return SearchRequest.byVector(queries.get(q), filterClass.filterOfQuery().apply(q), settings.k());
    }

    private static double recall(SearchResult result, int[] truth, String[] ids) {
        if (truth.length == 0) {
            return result.hits().isEmpty() ? 1 : 0;
        }
        Set<String> expected = new HashSet<>();
        for (int doc : truth) {
            expected.add(ids[doc]);
        }
        long found = 0;
        for (SearchHit hit : result.hits()) {
            if (expected.contains(hit.lesion().id().value())) {
                found++;
            }
        }
        return found / (double) truth.length;
    }

    private static String describePlans(Map<SearchPlan, Integer> plans, int n) {
        if (plans.size() == 1) {
            return plans.keySet().iterator().next().name();
        }
        return plans.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %d%%", e.getKey().name(), Math.round(100.0 * e.getValue() / n)))
                .collect(Collectors.joining("/"));
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
