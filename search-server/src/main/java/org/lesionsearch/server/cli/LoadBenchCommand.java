package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.lucene.util.IOUtils;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.bench.WorkloadGenerator;
import org.lesionsearch.server.bench.load.LoadFigures;
import org.lesionsearch.server.bench.load.LoadRun;
import org.lesionsearch.server.bench.load.LoadTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lesion-search bench-load}: sustained search throughput and latency over HTTP while lesions are written. */
@Command(name = "bench-load", mixinStandardHelpOptions = true,
        description = {"Load test: starts the server on 127.0.0.1 as 'serve' runs it (tokens, audit log, limits, search"
                + " time-outs) over a Lucene index, then drives GET /api/search?q= with mixed queries from closed-loop"
                + " clients, first alone (the baseline), then while a writer posts new lesions through POST /api/lesions"
                + " (each batch committed) at a steady --ingest-rate, then while it writes flat out (the stress case:"
                + " the writer then takes what share of the cores it can). Prints sustained searches per second,"
                + " p50/p90/p99 latency and errors per phase.",
            "The index is built from the benchmark workload (seeded synthetic lesions) unless --index names an existing"
                + " one; written lesions stay in it."},
        footer = {"", "Examples:",
            "  lesion-search bench-load",
            "  lesion-search bench-load -n 100000 --index /tmp/load-100k --seconds 30 --clients 8",
            "  lesion-search bench-load --ingest-rate 500 --ingest-batch 100",
            "  lesion-search bench-load -n 20000 --seconds 10 --json > load.json"})
public final class LoadBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--lesions"}, defaultValue = "100000",
            description = "Lesions to generate into a new index (default: ${DEFAULT-VALUE}).")
    int lesions;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index to load; built there from the workload when empty or missing (default: a temporary one).")
    Path indexDir;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each timed phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed seconds of searches first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent search clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--ingest-batch", defaultValue = "50",
            description = "Lesions per write request while ingesting (default: ${DEFAULT-VALUE}).")
    int ingestBatch;

    @Option(names = "--ingest-rate", defaultValue = "100", paramLabel = "LESIONS_PER_S",
            description = "Lesions per second the steady writer sends in the middle phase; 0 leaves that phase out"
                    + " (default: ${DEFAULT-VALUE}).")
    double ingestRate;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintStream progress = System.err;
        if (lesions < 1 || seconds < 1 || warmup < 0 || clients < 1 || ingestBatch < 1 || !(ingestRate >= 0)) {
            spec.commandLine().getErr().println("error: -n, --seconds, --clients and --ingest-batch must be at least 1,"
                    + " --warmup and --ingest-rate at least 0");
            return 2;
        }
        Path dir = indexDir != null ? indexDir : Files.createTempDirectory("lesion-search-bench-load");
        Path work = Files.createTempDirectory("lesion-search-bench-load-work");
        try {
            LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults());
            LoadFigures figures;
            try {
                if (index.stats().lesions() == 0) {
                    build(index, progress);
                } else {
                    progress.printf("using the %,d lesions already in %s%n", index.stats().lesions(), dir);
                }
            } catch (RuntimeException e) {
                index.close();
                throw e;
            }
            figures = new LoadRun(index, work, new LoadRun.Settings(clients, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds), ingestBatch, ingestRate, seed), progress).run();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
                out.flush();
            } else {
                LoadTable.print(figures, out);
            }
        } finally {
            IOUtils.rm(work);
            if (indexDir == null) {
                IOUtils.rm(dir);
            }
        }
        return 0;
    }

    private void build(LuceneLesionIndex index, PrintStream progress) {
        progress.printf("generating and indexing %,d lesions ...%n", lesions);
        long start = System.nanoTime();
        new WorkloadGenerator().writeInto(index, lesions, seed);
        index.forceMerge(1);
        progress.printf("indexed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
